import type { FastifyInstance } from 'fastify';
import type { Role } from '@immo/platform';
import type { AuthServices } from './services.ts';
import { totpCode } from './totp.ts';
import { MFA_REQUIRED_ROLES, type AuthApi } from './contract.ts';

// The running auth services per HTTP server, so that a test holding only the
// app can reach them. Filled by the module's routes(); nothing is exposed over HTTP.
const running = new WeakMap<object, AuthServices>();

export function registerForTests(app: FastifyInstance, services: AuthServices) {
  running.set(app.server, services);
}

let counter = 0;
// a per-process prefix: rate-limit counters may live in a Redis shared by test runs
const addressPrefix = `10.${Math.floor(Math.random() * 256)}`;
const PASSWORD = 'Test-passphrase-for-immo-42';

/**
 * For other modules' HTTP tests: registers a user through the real routes,
 * marks e-mail/phone verified, sets the role (and enrols MFA, then signs in
 * with a TOTP code, for agency/admin/superadmin) and returns a valid access
 * token. With `agencyName`, also founds an agency (users module) and returns
 * its id, with a token that carries the membership.
 */
export async function signUpForTest(
  app: FastifyInstance,
  options: { email?: string; role?: Role; emailVerified?: boolean; phoneVerified?: boolean; agencyName?: string } = {},
): Promise<{ userId: string; email: string; accessToken: string; headers: { authorization: string }; agencyId?: string }> {
  const services = running.get(app.server);
  if (!services) throw new Error('signUpForTest: the auth module is not loaded in this app');
  const { store, ctx } = services.deps;
  ++counter;
  const email = (options.email ?? `user${counter}-${Date.now().toString(36)}@example.test`).toLowerCase();
  const role = options.role ?? (options.agencyName ? 'agency' : 'individual');

  // each sign-up comes from an address of its own, so that suites creating many
  // users stay under the per-IP route rate limits of register and login
  const remoteAddress = `${addressPrefix}.${(counter >> 8) & 255}.${counter & 255}`;
  const registered = await app.inject({ method: 'POST', url: '/v1/auth/register', remoteAddress, payload: { email, password: PASSWORD, displayName: 'Test Person' } });
  if (registered.statusCode !== 202) throw new Error(`signUpForTest: register answered ${registered.statusCode} ${registered.body}`);
  const account = (await store.accountByEmail(email))!;
  const now = ctx.clock.now();
  await store.updateAccount(
    store.db,
    account.id,
    {
      role,
      email_verified: options.emailVerified ?? true,
      ...((options.phoneVerified ?? false) ? { phone: `+3247${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`, phone_verified: true } : {}),
    },
    now,
  );

  const login = async (otp?: string) => {
    const res = await app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress, payload: { email, password: PASSWORD, ...(otp ? { otp } : {}) } });
    if (res.statusCode !== 200) throw new Error(`signUpForTest: login answered ${res.statusCode} ${res.body}`);
    return res.json() as { accessToken: string; refreshToken: string };
  };
  let tokens = await login();
  if (MFA_REQUIRED_ROLES.includes(role)) {
    const auth = { authorization: `Bearer ${tokens.accessToken}` };
    const enrol = await app.inject({ method: 'POST', url: '/v1/auth/mfa/totp', remoteAddress, headers: auth });
    const { secret } = enrol.json() as { secret: string };
    const confirm = await app.inject({ method: 'POST', url: '/v1/auth/mfa/totp/confirm', remoteAddress, headers: auth, payload: { otp: await totpCode(secret, ctx.clock.now()) } });
    if (confirm.statusCode !== 200) throw new Error(`signUpForTest: MFA confirm answered ${confirm.statusCode} ${confirm.body}`);
    // the confirmation used this 30 s step; the next step's code is still accepted and not a replay
    tokens = await login(await totpCode(secret, new Date(ctx.clock.now().getTime() + 30_000)));
  }

  let agencyId: string | undefined;
  if (options.agencyName) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/agencies',
      headers: { authorization: `Bearer ${tokens.accessToken}` },
      payload: { legalName: options.agencyName, vatNumber: testVatNumber(), ipiNumber: '500.123', address: { street: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles' } },
    });
    if (res.statusCode !== 201) throw new Error(`signUpForTest: creating the agency answered ${res.statusCode} ${res.body}`);
    agencyId = (res.json() as { id: string }).id;
    const refreshed = await app.inject({ method: 'POST', url: '/v1/auth/refresh', remoteAddress, payload: { refreshToken: tokens.refreshToken } });
    tokens = refreshed.json() as typeof tokens;
  }
  return { userId: account.id, email, accessToken: tokens.accessToken, headers: { authorization: `Bearer ${tokens.accessToken}` }, agencyId };
}

/**
 * For a module's HTTP tests without the users module: `agencyId`'s agents.
 * A stand-in claims provider puts the membership (role agent) into the tokens
 * of the people the returned function signs up; each is signed in again after
 * sign-up so that its token carries it.
 */
export function agentsOf(app: FastifyInstance, auth: Pick<AuthApi, 'setClaimsProvider'>, agencyId: string) {
  const agents = new Set<string>();
  auth.setClaimsProvider(async (userId) => (agents.has(userId) ? [{ agencyId, role: 'agent' }] : []));
  return async () => {
    const user = await signUpForTest(app);
    agents.add(user.userId);
    const res = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: user.email, password: PASSWORD } });
    const accessToken = res.json().accessToken as string;
    return { ...user, accessToken, headers: { authorization: `Bearer ${accessToken}` } };
  };
}

/** A fresh valid Belgian VAT number (0 + 7 random digits + mod-97 check digits). */
export function testVatNumber(): string {
  const base = `0${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const check = 97 - (Number(base) % 97);
  return `BE${base}${String(check).padStart(2, '0')}`;
}
