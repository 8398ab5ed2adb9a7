import type { ModuleDefinition } from '@immo/platform';
import { geoModule } from '@immo/geo';
import { authModule } from '@immo/auth';
import { usersModule } from '@immo/users';
import { listingsModule } from '@immo/listings';
import { searchModule } from '@immo/search';
import { mediaModule } from '@immo/media';
import { messagingModule } from '@immo/messaging';
import { appointmentsModule } from '@immo/appointments';
import { notificationsModule } from '@immo/notifications';

/**
 * Every domain module of Immo, in no particular order: the composer sorts
 * them by their dependencies. `MODULES=a,b` loads a subset (and what it needs).
 */
export async function moduleRegistry(): Promise<ModuleDefinition[]> {
  return [
    geoModule,
    authModule,
    usersModule,
    listingsModule,
    searchModule,
    mediaModule,
    messagingModule,
    appointmentsModule,
    notificationsModule,
  ] as ModuleDefinition[];
}
