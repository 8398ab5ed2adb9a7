import { communePoints } from '../../../map/belgium-communes.ts';

export const dynamic = 'force-static';

// GET /map-style/communes: the communes as GeoJSON (built once, cached a day).
export function GET() {
  return Response.json(communePoints(), { headers: { 'cache-control': 'public, max-age=86400' } });
}
