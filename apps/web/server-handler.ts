// Mounts the web app inside Immo's own HTTP server, so pages and /v1 answer on
// one origin and one port. apps/server calls createWebHandler once at boot and
// hands it every request that is not an API path.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { setApiOrigin } from './config.ts';

export type WebHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

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
  return async (req, res) => {
    await handle(req, res);
  };
}

/** Where server-side rendering reaches the API, when it is not http://127.0.0.1:$PORT (e.g. the server listened on port 0). */
export const setWebApiOrigin = setApiOrigin;
