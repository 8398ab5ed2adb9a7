import { defineModule, newId, type EventDefinition, type ModuleDefinition, type Principal } from '@immo/platform';
import { createTestApp, type TestApp } from '@immo/server/testing';
import type { z } from 'zod';
import { createMediaModule, type MediaApi, type MediaModuleOptions } from './index.ts';
import { TestListings } from './test-listings.ts';

/** A signed-in person as the auth module would describe them. */
export const person = (agencyId?: string): Principal => ({
  userId: newId(),
  role: agencyId ? 'agency' : 'individual',
  agencies: agencyId ? [{ agencyId, role: 'agent' }] : [],
  mfa: !!agencyId,
});

export const staff = (): Principal => ({ userId: newId(), role: 'admin', agencies: [], mfa: true });

/** A module that only records the events it is told to watch. */
export function eventProbe<S extends z.ZodType>(event: EventDefinition<S>): { module: ModuleDefinition; seen: z.infer<S>[] } {
  const seen: z.infer<S>[] = [];
  const module = defineModule({
    name: `probe-${event.name.replaceAll('.', '-')}`,
    create: () => ({ api: {}, subscribers: [{ consumer: `probe.${event.name}`, event, handle: async (payload: z.infer<S>) => void seen.push(payload) }] }),
  });
  return { module, seen };
}

export interface MediaTestApp extends TestApp {
  api: MediaApi;
  listings: TestListings;
  /** Every key in object storage under media/. */
  storedKeys(): Promise<string[]>;
  countAssets(): Promise<number>;
}

/** The composed server with media alone (listings known through TestListings). */
export async function mediaTestApp(options: MediaModuleOptions & { extra?: ModuleDefinition[]; env?: Record<string, string> } = {}): Promise<MediaTestApp> {
  const listings = new TestListings();
  const t = await createTestApp({
    modules: [createMediaModule({ listings, agencyName: async () => 'Agence Dupont', ...options }), ...(options.extra ?? [])],
    env: options.env,
  });
  return {
    ...t,
    listings,
    api: t.modules.api<MediaApi>('media'),
    storedKeys: () => t.platform.storage.list('media/'),
    async countAssets() {
      const row = await t.platform.db.kysely.selectFrom('media.assets').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
