import { describe, expect, it } from 'vitest';
import { notificationHref, type AdvertiserOf } from './notification-target.ts';

describe('where a notification leads', () => {
  it('sends listings to the listing page and stays on our origin', () => {
    expect(notificationHref('/listings/abc-123', 'nl')).toBe('/nl/listing/abc-123');
    expect(notificationHref('/somewhere', 'de')).toBe('/de/somewhere');
    expect(notificationHref('//evil.example/x', 'fr')).toBe('/fr');
    expect(notificationHref('https://evil.example/', 'fr')).toBe('/fr');
  });

  it('opens a conversation in my messages, or in the desk inbox when I am the advertiser', () => {
    expect(notificationHref('/messages/c1', 'fr')).toBe('/fr/account/messages?c=c1');
    const advertiser: AdvertiserOf = (thing, id) => thing === 'conversation' && id === 'c1';
    expect(notificationHref('/messages/c1', 'nl', advertiser)).toBe('/nl/desk/inbox?c=c1');
    expect(notificationHref('/messages/c2', 'nl', advertiser)).toBe('/nl/account/messages?c=c2');
  });

  it('opens a visit in my visits, or in the desk inbox when it is a booking of my listing', () => {
    expect(notificationHref('/appointments/a1', 'fr')).toBe('/fr/account/visits');
    const advertiser: AdvertiserOf = (thing, id) => thing === 'appointment' && id === 'a1';
    expect(notificationHref('/appointments/a1', 'en', advertiser)).toBe('/en/desk/inbox');
    expect(notificationHref('/appointments/a2', 'en', advertiser)).toBe('/en/account/visits');
  });
});
