import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineModule, type ModuleDefinition } from '@immo/platform';
import { communesFileSchema, type GeoApi } from './contract.ts';
import { dataDir as defaultDataDir } from './reference.ts';
import { geoRoutes } from './routes.ts';
import { createGeoApi } from './service.ts';

export type { Commune, GeoApi, ProvinceInfo, Region, RegionInfo } from './contract.ts';
export {
  CommuneImportError,
  importCommunes,
  type ImportCommunesOptions,
  type ImportCommunesResult,
} from './import.ts';
export { comparableName } from './names.ts';

/**
 * The Belgian communes (2025), their postal codes, provinces and regions, read
 * from data/belgium/communes.json. Pure: no database, no network.
 */
export function loadGeo(dataDir: string = defaultDataDir): GeoApi {
  const communes = communesFileSchema.parse(
    JSON.parse(readFileSync(path.join(dataDir, 'communes.json'), 'utf8')),
  );
  return createGeoApi(communes);
}

/** Reference data in memory; no tables, no events. */
export const geoModule: ModuleDefinition<GeoApi> = defineModule<GeoApi>({
  name: 'geo',
  create() {
    const api = loadGeo();
    return { api, routes: (app) => geoRoutes(app, api) };
  },
});
