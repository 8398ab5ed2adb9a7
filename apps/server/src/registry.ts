import type { ModuleDefinition } from '@immo/platform';
import { geoModule } from '@immo/geo';

/**
 * Every domain module of Immo, in no particular order: the composer sorts
 * them by their dependencies. `MODULES=a,b` loads a subset (and what it needs).
 */
export async function moduleRegistry(): Promise<ModuleDefinition[]> {
  return [geoModule] as ModuleDefinition[];
}
