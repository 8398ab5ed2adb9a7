import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModule, signUpForTest } from '@immo/auth';
import { geoModule } from '@immo/geo';
import { usersModule } from '@immo/users';
import { liegeFlatToRent, listingsModule } from '@immo/listings';
import { createTestApp, type TestApp } from '../src/testing.ts';

// Problem messages follow the request's Accept-Language, through the real
// routes of auth and listings: detail and field messages change language,
// type, title, status and paths do not.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ modules: [geoModule, authModule, usersModule, listingsModule] });
});
afterAll(() => t?.close());

let ip = 0;
const register = (password: string, language?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/auth/register',
    remoteAddress: `10.77.0.${++ip}`,
    headers: language ? { 'accept-language': language } : {},
    payload: { email: `weak${ip}@example.be`, password },
  });

describe('problem messages in the request language', () => {
  it('words a weak password in French, Dutch and German, English by default, the rest unchanged', async () => {
    const en = await register('kort');
    const fr = await register('kort', 'fr-BE,fr;q=0.9,en;q=0.5');
    const nl = await register('kort', 'nl-BE');
    const de = await register('kort', 'de');
    expect(en.statusCode).toBe(422);
    expect(en.json()).toMatchObject({ detail: 'Use at least 10 characters.', code: 'password.too_short', errors: [{ path: 'password', message: 'Use at least 10 characters.', code: 'password.too_short' }] });
    expect(en.headers['content-language']).toBe('en');
    expect(fr.json()).toMatchObject({ detail: 'Utilisez au moins 10 caractères.', errors: [{ path: 'password', message: 'Utilisez au moins 10 caractères.' }] });
    expect(fr.headers['content-language']).toBe('fr');
    expect(fr.headers.vary).toContain('Accept-Language');
    expect(nl.json().errors).toEqual([{ path: 'password', message: 'Gebruik minstens 10 tekens.', code: 'password.too_short' }]);
    expect(de.json().detail).toBe('Verwenden Sie mindestens 10 Zeichen.');
    for (const res of [fr, nl, de]) {
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const { type, title, status, code } = res.json();
      expect({ type, title, status, code }).toEqual({ type: en.json().type, title: en.json().title, status: 422, code: 'password.too_short' });
    }
  });

  it('says a breached password is one in Dutch', async () => {
    const res = await register('password123', 'nl');
    expect(res.json()).toMatchObject({ code: 'password.breached', detail: 'Dit wachtwoord staat in lijsten van gelekte wachtwoorden; kies een ander.' });
  });

  it('falls back to English for a language the product does not speak, or for any (Node’s fetch sends *)', async () => {
    const res = await register('kort', 'ja-JP,ja;q=0.9');
    expect(res.json().detail).toBe('Use at least 10 characters.');
    expect(res.headers['content-language']).toBe('en');
    expect((await register('kort', '*')).json().detail).toBe('Use at least 10 characters.');
    expect((await register('kort', 'ja, *;q=0.5, nl;q=0.1')).json().detail).toBe('Gebruik minstens 10 tekens.');
  });

  it('words schema validation field by field, paths unchanged', async () => {
    const owner = await signUpForTest(t.app, { phoneVerified: true });
    const body = liegeFlatToRent({ price: -5, address: { street: '', number: '1', postalCode: '4000', communeNis: '62063' } });
    const send = (language?: string) =>
      t.app.inject({ method: 'POST', url: '/v1/listings', headers: { ...owner.headers, ...(language ? { 'accept-language': language } : {}) }, payload: body });
    const en = (await send()).json();
    const fr = await send('fr');
    const nl = (await send('nl')).json();
    expect(fr.statusCode).toBe(400);
    const paths = (b: { errors: { path: string }[] }) => b.errors.map((e) => e.path).sort();
    expect(paths(fr.json())).toEqual(paths(en));
    expect(paths(nl)).toEqual(['body.address.street', 'body.price']);
    const at = (b: { errors: { path: string; message: string }[] }, path: string) => b.errors.find((e) => e.path === path)?.message;
    expect(at(en, 'body.price')).toBe('Too small: expected number to be >=0');
    expect(at(fr.json(), 'body.price')).toBe('Indiquez au moins 0.');
    expect(at(fr.json(), 'body.address.street')).toBe('Au moins 1 caractère.');
    expect(at(nl, 'body.price')).toBe('Geef minstens 0 op.');
    expect(fr.json().detail).toBe('Certains champs ne sont pas valides\u00a0: price, address.street.');
    expect(fr.json()).toMatchObject({ type: en.type, title: en.title, status: 400, code: 'validation' });
    expect(en.detail).toMatch(/^The body is not valid: /);
  });

  it('words a field message a contract’s author wrote, when the catalogue has it', async () => {
    const owner = await signUpForTest(t.app, { phoneVerified: true });
    const body = liegeFlatToRent({ address: { street: 'Rue X', number: '1', postalCode: '4000', communeNis: '' } });
    const res = await t.app.inject({ method: 'POST', url: '/v1/listings', headers: { ...owner.headers, 'accept-language': 'fr' }, payload: body });
    expect(res.json().errors).toEqual([{ path: 'body.address.communeNis', message: 'Un code INS compte cinq chiffres.', code: 'field.nis' }]);
  });

  it('words a required field and a wrong type', async () => {
    const owner = await signUpForTest(t.app, { phoneVerified: true });
    const { title: _title, ...withoutTitle } = liegeFlatToRent();
    const res = await t.app.inject({ method: 'POST', url: '/v1/listings', headers: { ...owner.headers, 'accept-language': 'fr' }, payload: { ...withoutTitle, rooms: 'trois' } });
    const errors = res.json().errors as { path: string; message: string; code?: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'body.title', message: 'Ce champ est obligatoire.', code: 'field.required' },
        { path: 'body.rooms', message: 'Cette valeur n’a pas le bon type.', code: 'field.invalid_type' },
      ]),
    );
  });

  it('words a listing the domain refuses: postal code and EPC label in Dutch', async () => {
    const owner = await signUpForTest(t.app, { phoneVerified: true });
    const wrong = liegeFlatToRent({ address: { street: 'Rue X', number: '1', postalCode: '1000', communeNis: '62063' }, epc: { label: 'H', kwh: 230, certificate: 'x' } });
    const send = (language?: string) =>
      t.app.inject({ method: 'POST', url: '/v1/listings', headers: { ...owner.headers, ...(language ? { 'accept-language': language } : {}) }, payload: wrong });
    const en = (await send()).json();
    const nl = await send('nl-BE,nl;q=0.9');
    expect(nl.statusCode).toBe(422);
    expect(nl.json().detail).toBe('Het zoekertje bevat 2 fouten: verbeter de aangeduide velden.');
    expect(nl.json().errors).toEqual([
      { path: 'address.postalCode', code: 'listing.postal_code_not_in_commune', message: expect.stringMatching(/^Postcode 1000 ligt niet in de gemeente Liège \/ Luik \(haar postcodes: 4000/) },
      { path: 'epc.label', code: 'listing.epc_label_not_in_region', message: expect.stringMatching(/^EPC-label "H" bestaat niet in dit gewest; de schaal is A\+\+, A\+, A, .*G\.$/) },
    ]);
    expect(en.errors.map((e: { path: string }) => e.path)).toEqual(['address.postalCode', 'epc.label']);
    expect(en.errors[0].message).toMatch(/^Postal code 1000 is not in Liège/);
    expect({ type: nl.json().type, title: nl.json().title }).toEqual({ type: en.type, title: en.title });
  });

  it('words a refused publication and a stale edit in French', async () => {
    const owner = await signUpForTest(t.app, { phoneVerified: false });
    const { id } = (await t.app.inject({ method: 'POST', url: '/v1/listings', headers: owner.headers, payload: liegeFlatToRent() })).json();
    const publish = await t.app.inject({ method: 'POST', url: `/v1/listings/${id}/publish`, headers: { ...owner.headers, 'accept-language': 'fr' } });
    expect(publish.statusCode).toBe(403);
    expect(publish.json()).toMatchObject({ code: 'listing.phone_unverified', detail: "Pour publier, vérifiez d'abord votre numéro de téléphone dans votre compte." });

    const stale = await t.app.inject({ method: 'PUT', url: `/v1/listings/${id}`, headers: { ...owner.headers, 'accept-language': 'fr', 'if-match': '"7"' }, payload: { price: 1_200 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'listing.version_conflict', title: 'Conflict' });
    expect(stale.json().detail).toBe("L'annonce a été modifiée depuis que vous l'avez ouverte (version 1, vous aviez la 7)\u00a0: rechargez-la et refaites votre modification.");
  });

  it('words a 404, a missing sign-in and an unknown route', async () => {
    const missing = '0190a0a0-0000-7000-8000-000000000000';
    const en = await t.app.inject({ method: 'GET', url: `/v1/listings/${missing}` });
    const fr = await t.app.inject({ method: 'GET', url: `/v1/listings/${missing}`, headers: { 'accept-language': 'fr' } });
    expect(en.json()).toMatchObject({ status: 404, code: 'not_found', detail: 'This listing does not exist or is not yours to see.' });
    expect(fr.statusCode).toBe(404);
    expect(fr.json()).toMatchObject({ status: 404, type: en.json().type, title: 'Not found', detail: "Ce que vous cherchez n'existe pas ou ne vous est pas accessible." });

    const anonymous = await t.app.inject({ method: 'POST', url: '/v1/listings', headers: { 'accept-language': 'nl' }, payload: liegeFlatToRent() });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().detail).toBe('Meld u aan om dit te doen.');

    // a 404 that names what is missing keeps it in every language
    const postalCode = await t.app.inject({ method: 'GET', url: '/v1/geo/postal-codes/9999', headers: { 'accept-language': 'fr' } });
    expect(postalCode.json()).toMatchObject({ status: 404, code: 'geo.postal_code_unknown', detail: 'Le code postal 9999 ne dessert aucune commune belge.' });

    const route = await t.app.inject({ method: 'GET', url: '/v1/nowhere', headers: { 'accept-language': 'de' } });
    expect(route.json()).toMatchObject({ status: 404, code: 'route.not_found', detail: 'Diese Adresse existiert nicht.' });
  });

  it('words wrong credentials at sign-in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress: '10.78.0.1', headers: { 'accept-language': 'fr' }, payload: { email: 'nobody@example.be', password: 'Un-mot-de-passe-long' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.wrong_credentials', detail: 'Adresse e-mail ou mot de passe incorrect.' });
  });
});
