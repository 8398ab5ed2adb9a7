import { describe, expect, it } from 'vitest';
import { LOCALES } from '@immo/i18n';
import { KINDS } from './contract.ts';
import { render, TEMPLATES, type Param } from './templates.ts';
import { renderEmail } from './email-layout.ts';
import { quietUntil } from './quiet-hours.ts';

describe('notification texts', () => {
  it('exist for every kind in French, Dutch, German and English', () => {
    for (const locale of LOCALES)
      for (const kind of KINDS) {
        const [subject, body] = TEMPLATES[kind].text[locale];
        expect(subject.length, `${kind} ${locale}`).toBeGreaterThan(5);
        expect(body.length, `${kind} ${locale}`).toBeGreaterThan(10);
      }
  });

  it('render every kind in every language with each of its params, and no placeholder left or missing', () => {
    const sample: Record<Param, string | number> = {
      listing: 'Rue du Bailli 42',
      when: '2026-05-12T08:00:00.000Z',
      newWhen: '2026-05-13T12:30:00.000Z',
      reason: 'propriétaire malade',
      price: 1_350,
      oldPrice: 350_000,
      newPrice: 329_000,
      status: 'under_offer',
    };
    for (const kind of KINDS) {
      const { params, text } = TEMPLATES[kind];
      const given = Object.fromEntries(['listing' as const, ...params].map((name) => [name, sample[name]]));
      for (const locale of LOCALES) {
        // every language names the kind's params, each once, and nothing else
        const named = [...text[locale].join(' ').matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(named.sort(), `${kind} ${locale}`).toEqual([...params].sort());
        const { title, body } = render(kind, locale, given);
        expect(`${title}\n${body}`, `${kind} ${locale}`).not.toMatch(/[{}]/);
        expect(title, `${kind} ${locale}`).toMatch(/Rue du Bailli 42$/);
        if (params.includes('reason')) expect(body).toContain('propriétaire malade');
      }
    }
  });

  it('show visit times in Brussels time on both sides of the daylight-saving changes', () => {
    const march = render('appointment.reminder', 'fr', { listing: 'Maison', when: '2026-03-29T08:00:00.000Z' });
    expect(march.body).toMatch(/29 mars 2026.*10:00/);
    const october = render('appointment.reminder', 'nl', { listing: 'Huis', when: '2026-10-25T09:00:00.000Z' });
    expect(october.body).toMatch(/25 oktober 2026.*10:00/);
    expect(render('appointment.confirmed', 'de', { when: '2026-10-25T09:00:00.000Z' }).title).toBe('Besichtigung bestätigt: eine Anzeige');
  });

  it('shows prices the Belgian way and statuses in words', () => {
    const drop = render('favorite.price_drop', 'fr', { listing: 'Loft', oldPrice: 350000, newPrice: 329000 });
    expect(drop.body.replace(/\s/g, ' ')).toBe('Un bien de vos favoris passe de 350 000 € à 329 000 €.');
    expect(render('listing.status', 'en', { listing: 'Loft', status: 'under_offer' }).body).toBe('Your listing is now "under offer".');
  });
});

describe('e-mail layout', () => {
  it('has one shared HTML layout with escaped content and a plain-text twin', () => {
    const { html, text } = renderEmail('nl', { heading: 'Nieuw <bericht>', items: [{ title: 'T & co', body: 'Body', link: 'https://immo.be/messages/1' }], preferencesLink: 'https://immo.be/settings/notifications' });
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Nieuw &lt;bericht&gt;');
    expect(html).toContain('T &amp; co');
    expect(html).toContain('href="https://immo.be/messages/1"');
    expect(text).toContain('Nieuw <bericht>\n\nT & co\nBody\nhttps://immo.be/messages/1');
    expect(text).toContain('Mijn meldingen kiezen: https://immo.be/settings/notifications');
    expect(text).not.toMatch(/<(a|p|html|table)\b/);
  });
});

describe('quiet hours (Brussels time)', () => {
  const night = { start: '22:00', end: '07:00' };
  it('hold across midnight and end at the next morning', () => {
    expect(quietUntil(new Date('2026-06-01T21:30:00Z'), night)?.toISOString()).toBe('2026-06-02T05:00:00.000Z'); // 23:30 → 07:00 CEST
    expect(quietUntil(new Date('2026-01-10T04:00:00Z'), night)?.toISOString()).toBe('2026-01-10T06:00:00.000Z'); // 05:00 → 07:00 CET
    expect(quietUntil(new Date('2026-06-01T10:00:00Z'), night)).toBeUndefined();
    expect(quietUntil(new Date('2026-06-01T10:00:00Z'), null)).toBeUndefined();
  });
  it('end at the right instant on the night summer time starts', () => {
    expect(quietUntil(new Date('2026-03-28T22:00:00Z'), night)?.toISOString()).toBe('2026-03-29T05:00:00.000Z'); // 23:00 CET → 07:00 CEST
  });
});
