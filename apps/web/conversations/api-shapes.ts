// Shapes of the messaging and visits answers, taken from the generated
// OpenAPI types (never written by hand).
import type { paths } from '@immo/api-client';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type Conversation = Json<'/v1/conversations', 'get'>['items'][number];
export type Message = Json<'/v1/conversations/{id}/messages', 'get'>['items'][number];
export type Appointment = Json<'/v1/appointments', 'get'>['items'][number];
export type Slot = Json<'/v1/listings/{id}/slots', 'get'>['items'][number];
export type Availability = Json<'/v1/listings/{id}/availability', 'get'>;
export type AvailabilityInput = NonNullable<
  paths['/v1/listings/{id}/availability']['put']['requestBody']
>['content']['application/json'];
