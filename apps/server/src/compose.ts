import type { FastifyRequest } from 'fastify';
import {
  migrate,
  type MigrationSource,
  type ModuleDefinition,
  type ModuleInstance,
  type Platform,
  type Principal,
} from '@immo/platform';

export interface ComposedModules {
  instances: { name: string; instance: ModuleInstance }[];
  api<T>(name: string): T;
  authenticator?: (request: FastifyRequest) => Promise<Principal | undefined>;
  stop(): Promise<void>;
}

/** Orders modules so that each comes after the modules it depends on. */
export function orderModules(definitions: ModuleDefinition[], only?: string[]): ModuleDefinition[] {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  for (const name of only ?? []) {
    if (!byName.has(name)) throw new Error(`MODULES: unknown module "${name}" (known: ${[...byName.keys()].join(', ')})`);
  }
  const ordered: ModuleDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, from?: string) => {
    const def = byName.get(name);
    if (!def) throw new Error(`module "${from}" depends on unknown module "${name}"`);
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`modules depend on each other in a cycle through "${name}"`);
    state.set(name, 'visiting');
    for (const dep of def.dependsOn ?? []) visit(dep, name);
    state.set(name, 'done');
    ordered.push(def);
  };
  // a subset still needs the modules it calls (MODULES=media pulls in what media depends on)
  for (const def of only ? only.map((n) => byName.get(n)!) : definitions) visit(def.name);
  return ordered;
}

/** Migration sources of the given modules, in dependency order. */
export function moduleMigrations(definitions: ModuleDefinition[]): MigrationSource[] {
  return definitions.filter((d) => d.migrations).map((d) => ({ module: d.name, dir: d.migrations! }));
}

/**
 * Creates every module with its context and wires its subscribers and jobs
 * into the platform. Migrations are applied first (platform's, then each module's).
 */
export async function composeModules(
  platform: Platform,
  definitions: ModuleDefinition[],
  options: { platformMigrations: MigrationSource[]; only?: string[] },
): Promise<ComposedModules> {
  const ordered = orderModules(definitions, options.only);
  await migrate(platform.db, [...options.platformMigrations, ...moduleMigrations(ordered)]);

  const apis = new Map<string, unknown>();
  const instances: ComposedModules['instances'] = [];
  let authenticator: ComposedModules['authenticator'];
  for (const def of ordered) {
    const instance = await def.create({
      ...platform,
      logger: platform.logger.child({ module: def.name }),
      gdpr: {
        async exportUser(userId: string) {
          const out: Record<string, unknown> = {};
          for (const { name, instance: other } of instances) {
            if (other.exportPersonalData) out[name] = await other.exportPersonalData(userId);
          }
          return out;
        },
      },
      module<Api>(name: string): Api {
        if (!apis.has(name)) {
          throw new Error(`module "${def.name}" asked for "${name}", which is not loaded or not declared in dependsOn`);
        }
        return apis.get(name) as Api;
      },
    });
    apis.set(def.name, instance.api);
    instances.push({ name: def.name, instance });
    for (const subscriber of instance.subscribers ?? []) platform.events.subscribe(subscriber);
    for (const job of instance.jobs ?? []) platform.jobs.define(job);
    for (const schedule of instance.schedules ?? []) platform.jobs.schedule(schedule);
    if (instance.authenticate) authenticator = instance.authenticate.bind(instance);
  }
  return {
    instances,
    authenticator,
    api<T>(name: string) {
      if (!apis.has(name)) throw new Error(`module "${name}" is not loaded`);
      return apis.get(name) as T;
    },
    async stop() {
      for (const { instance } of [...instances].reverse()) await instance.stop?.();
    },
  };
}
