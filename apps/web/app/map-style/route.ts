import { webConfig } from '../../config.ts';
import { offlineStyle } from '../../map/offline-style.ts';

// GET /map-style[?theme=dark]: the map's style, served by our own server.
export function GET(request: Request) {
  const url = new URL(request.url);
  // behind our own server, request.url carries Next's configured host: the browser's is in Host
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const protocol = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const style = offlineStyle({ origin: `${protocol}://${host}`, dark: url.searchParams.get('theme') === 'dark', tilesUrl: webConfig.mapTilesUrl });
  return Response.json(style, { headers: { 'cache-control': 'public, max-age=3600' } });
}
