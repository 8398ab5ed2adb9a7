import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * The database as one process sees it, with a switch that cuts it off: after
 * `crash()` every statement the process sends fails as if its connection was
 * lost (open transactions still roll back), so nothing it would have done next
 * reaches the database — the closest in-process stand-in for a killed process.
 */
export function crashable(db: Database): { db: Database; crash(): void } {
  let crashed = false;
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (crashed) throw new Error('connection lost (simulated crash)');
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return args.result;
    },
  };
  return {
    db: { ...db, kysely: db.kysely.withPlugin(plugin) },
    crash() {
      crashed = true;
    },
  };
}

export async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
