// Mounts the web app inside Immo's own HTTP server, so pages and /v1 answer on
// one origin and one port. apps/server calls createWebHandler once at boot and
// hands it every request that is not an API path.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { ensureRevalidateSecret, setApiOrigin, webConfig } from './config.ts';

export interface WebHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Expires the statically regenerated pages of these listings now (their next visit renders them anew). */
  revalidateListings(ids: readonly string[]): Promise<void>;
}

export interface WebHandlerOptions {
  /** true: compile on demand (next dev); false: serve the production build in .next (next build). */
  dev: boolean;
  /** The web app's folder; defaults to this one. */
  dir?: string;
  /** Our own server's port, for absolute redirects and the dev overlay. */
  port?: number;
}

export const WEB_DIR = fileURLToPath(new URL('.', import.meta.url));

export async function createWebHandler(options: WebHandlerOptions): Promise<WebHandler> {
  const app = next({ dev: options.dev, dir: options.dir ?? WEB_DIR, port: options.port, customServer: true });
  await app.prepare();
  const handle = app.getRequestHandler();
  const secret = ensureRevalidateSecret();
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    await handle(req, res);
  };
  // over loopback to our own server, which hands the path to Next: revalidation
  // only works inside a Next request (apps/web/app/web-cache/revalidate/route.ts)
  const revalidateListings = async (ids: readonly string[]) => {
    if (ids.length === 0) return;
    const query = new URLSearchParams({ listings: ids.join(',') });
    const res = await fetch(`${webConfig.apiOrigin}/web-cache/revalidate?${query}`, { method: 'POST', headers: { 'x-web-revalidate-secret': secret } });
    if (!res.ok) throw new Error(`revalidating listing pages answered ${res.status}`);
  };
  return Object.assign(handler, { revalidateListings });
}

/** Where server-side rendering reaches the API, when it is not http://127.0.0.1:$PORT (e.g. the server listened on port 0). */
export const setWebApiOrigin = setApiOrigin;
