import { randomBytes } from 'node:crypto';

// The web app's configuration: the only file of apps/web that reads the
// environment. Server-side rendering calls the API in the same process over
// loopback, so it needs the port the server listens on. Read on each use, so
// a server that picks its port at start (tests: port 0) can set it first.
const port = () => process.env.PORT ?? '3000';

export const webConfig = {
  /** Where server components fetch the API: the same process, over loopback. */
  get apiOrigin(): string {
    return process.env.IMMO_API_ORIGIN ?? `http://127.0.0.1:${port()}`;
  },
  /** The public origin, for canonical URLs, sitemap.xml and JSON-LD. */
  get publicOrigin(): string {
    return (process.env.PUBLIC_ORIGIN ?? `http://localhost:${port()}`).replace(/\/$/, '');
  },
  /** Optional raster tile URL template ({z}/{x}/{y}) for production maps; none: our own offline style. */
  get mapTilesUrl(): string | null {
    return process.env.MAP_TILES_URL || null;
  },
  /** Shared by this process's server and its pages: authorises POST /web-cache/revalidate (see server-handler.ts). */
  get revalidateSecret(): string | null {
    return process.env.IMMO_WEB_REVALIDATE_SECRET || null;
  },
  /** Seconds a server-rendered listing page is served before it is regenerated (changes expire it at once). */
  listingRevalidateSeconds: 60,
};

/**
 * For a server that learns its port only once listening (port 0 in tests):
 * tells server-side rendering where the API answers. Written to the process
 * environment because the pages run in Next's own bundle of this module.
 */
export function setApiOrigin(origin: string) {
  process.env.IMMO_API_ORIGIN = origin;
  process.env.PUBLIC_ORIGIN ??= origin;
}

/** The revalidation secret of this process: the one given in the environment, else a new random one. */
export function ensureRevalidateSecret(): string {
  process.env.IMMO_WEB_REVALIDATE_SECRET ||= randomBytes(32).toString('base64url');
  return process.env.IMMO_WEB_REVALIDATE_SECRET;
}
