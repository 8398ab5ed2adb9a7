import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig, type ModuleDefinition } from '@immo/platform';
import { startImmo, type Immo } from '../../apps/server/src/app.ts';
import { moduleRegistry } from '../../apps/server/src/registry.ts';
import { createWebHandler, setWebApiOrigin } from '../../apps/web/server-handler.ts';
import { geoModule } from '@immo/geo';
import { authModule } from '@immo/auth';
import { usersModule } from '@immo/users';
import { listingsModule } from '@immo/listings';
import { mediaModule } from '@immo/media';
import { searchModule } from '../../modules/search/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WEB_DIR = join(ROOT, 'apps/web');

/** The production build of the web app, built once if it is missing (about a minute on 2 cores). */
export function ensureWebBuild() {
  if (existsSync(join(WEB_DIR, '.next/BUILD_ID'))) return;
  execFileSync('npm', ['run', 'build', '-w', '@immo/web'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}

export interface ImmoStack {
  origin: string;
  /** DATA_DIR of this stack: outbox/ holds the mail (.eml) and SMS (.json) it sent. */
  dataDir: string;
  immo: Immo;
  close(): Promise<void>;
}

/** The modules the web flows need: those of the registry, plus any not registered yet. */
async function webModules(): Promise<ModuleDefinition[]> {
  const registered = await moduleRegistry();
  const names = new Set(registered.map((m) => m.name));
  const needed = [geoModule, authModule, usersModule, listingsModule, searchModule, mediaModule] as ModuleDefinition[];
  return [...registered, ...needed.filter((m) => !names.has(m.name))];
}

/**
 * The real server on the embedded defaults (PGlite in a temporary DATA_DIR,
 * in-memory cache, local files, mail to files), every role in one process,
 * with the web app's production build answering pages on the same origin.
 * No automatic demo data: each test seeds the few listings it asserts on.
 */
export async function startImmoStack(options: { staticPages?: Map<string, string>; env?: Record<string, string> } = {}): Promise<ImmoStack> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'immo-e2e-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '100000', AUTO_SEED: 'false', ...options.env });
  const next = await createWebHandler({ dev: false, dir: WEB_DIR });
  // (staticPages: fixed HTML answered by this same server, the baseline of bench/web.ts)
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const page = options.staticPages?.get(req.url ?? '');
    if (page === undefined) return next(req, res);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page) });
    res.end(page);
  };
  const web = Object.assign(serve, { revalidateListings: next.revalidateListings });
  // one origin: the server answers /v1 and hands every page to the web app (apps/server/src/gateway/web.ts)
  const immo = await startImmo('all', { config, modules: await webModules(), web });
  const { port } = immo.app!.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  // server-side rendering fetches the API of this same process
  setWebApiOrigin(origin);
  return {
    origin,
    dataDir,
    immo,
    async close() {
      await immo.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
