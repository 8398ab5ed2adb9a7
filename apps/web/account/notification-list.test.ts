import { describe, expect, it } from 'vitest';
import { notificationHref } from './notification-list.tsx';

describe('where a notification leads', () => {
  it('sends listings to the listing page and the rest under the locale', () => {
    expect(notificationHref('/listings/abc-123', 'nl')).toBe('/nl/listing/abc-123');
    expect(notificationHref('/messages/c1', 'fr')).toBe('/fr/messages/c1');
    expect(notificationHref('//evil.example/x', 'fr')).toBe('/fr');
    expect(notificationHref('https://evil.example/', 'fr')).toBe('/fr');
  });
});
