'use client';
import { useQuery } from '@tanstack/react-query';
import { ok } from '@immo/api-client';
import { api } from '../api/browser-client.ts';
import type { Session } from '../account/session-store.ts';

export interface MyAgency {
  agencyId: string;
  role: 'owner' | 'agent';
  name: string;
}

/** The agencies I belong to (from my account), with their names from their public cards. */
export function useMyAgencies(session: Session | null) {
  return useQuery({
    queryKey: ['my-agencies', session?.userId],
    enabled: Boolean(session),
    queryFn: async (): Promise<MyAgency[]> => {
      const me = ok(await api.GET('/v1/auth/me'));
      return Promise.all(
        me.agencies.map(async ({ agencyId, role }) => {
          const card = await api.GET('/v1/agencies/{id}', { params: { path: { id: agencyId } } });
          return { agencyId, role, name: card.data?.legalName ?? agencyId };
        }),
      );
    },
  });
}
