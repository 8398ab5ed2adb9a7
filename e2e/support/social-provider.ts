import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

// A real OpenID provider (oidc-provider, its development login and consent
// pages) for browser tests of social sign-in. Its address must be in the
// stack's configuration before the stack starts, and the stack's callback in
// the provider's client before anyone signs in: listen first, mount later.

export interface SocialProvider {
  issuer: string;
  /** AUTH_OIDC_PROVIDERS for the stack: one provider named `name`. */
  env(name: string): Record<string, string>;
  /** Accepts sign-ins coming back to `origin`; `people` are the accounts (login = sub). */
  mount(origin: string, name: string, people: Record<string, { email: string; email_verified: boolean; name: string }>): void;
  close(): Promise<void>;
}

export async function startSocialProvider(): Promise<SocialProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    env: (name) => ({ AUTH_OIDC_PROVIDERS: JSON.stringify([{ name, issuer, clientId: 'immo-web', clientSecret: 'immo-web-test-secret' }]) }),
    mount(origin, name, people) {
      const provider = new Provider(issuer, {
        clients: [{ client_id: 'immo-web', client_secret: 'immo-web-test-secret', redirect_uris: [`${origin}/v1/auth/social/${name}/callback`], token_endpoint_auth_method: 'client_secret_post' }],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, ...people[sub] }) }),
        cookies: { keys: ['e2e-cookie-key'] },
        pkce: { required: () => true },
      });
      server.on('request', provider.callback());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
