import type { Principal } from '@immo/platform';
import type { ListingsApi } from '@immo/listings';
import type { MediaApi } from '@immo/media';
import type { SearchApi } from '@immo/search';
import type { UsersApi } from '@immo/users';

/** The modules the BFF reads through; those not loaded (MODULES=...) are absent and their fields come back empty. */
export interface BffModules {
  listings: ListingsApi;
  media?: MediaApi;
  users?: UsersApi;
  search?: SearchApi;
}

/** What every resolver gets: the caller, as the gateway authenticated them for REST, and the modules' APIs. */
export interface BffContext {
  principal: Principal | undefined;
  modules: BffModules;
}
