import { call } from './accounts.ts';
import type { ImmoStack } from './immo-stack.ts';

/** Publishes `listingId` and opens private visits of 30 min, one person each, every day from 08:00 to 20:00 (bookable an hour ahead). */
export async function publishWithDailyVisits(stack: ImmoStack, token: string, listingId: string): Promise<void> {
  await call(stack.origin, 'POST', `/v1/listings/${listingId}/publish`, { token, body: {}, expected: 200 });
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
  await call(stack.origin, 'PUT', `/v1/listings/${listingId}/availability`, {
    token,
    body: { visitMinutes: 30, mode: 'private', capacity: 1, leadMinutes: 60, weekly, exceptions: [] },
    expected: 200,
  });
}
