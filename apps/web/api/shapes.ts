// Shapes of the API's answers, taken from the generated OpenAPI types (never
// written by hand): when the API changes, these change with it.
import type { paths } from '@immo/api-client';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type SearchAnswer = Json<'/v1/search', 'get'>;
export type SearchCard = SearchAnswer['items'][number];
export type Facets = NonNullable<SearchAnswer['facets']>;
export type GeoAnswer = Json<'/v1/search/geo', 'get'>;
export type Suggestion = Json<'/v1/search/suggest', 'get'>['items'][number];
export type Listing = Json<'/v1/listings/{id}', 'get'>;
export type PriceHistory = Json<'/v1/listings/{id}/price-history', 'get'>;
export type Favourites = Json<'/v1/users/{id}/favorites', 'get'>;
