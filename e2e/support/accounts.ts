import { call, PASSWORD, signUpOverHttp } from '../../apps/server/test/server-processes.ts';
import type { ImmoStack } from './immo-stack.ts';

export { call, PASSWORD };

export interface TestAccount {
  userId: string;
  email: string;
  password: string;
  accessToken: string;
}

/**
 * A person registered through the API with the e-mail confirmed from the
 * mailed link and, with `phone`, the phone from the texted code — what an
 * advertiser needs before publishing. Browser flows then sign in with
 * `email` / `password` like anybody would.
 */
export async function signUpVerified(stack: ImmoStack, options: { phone?: string } = {}): Promise<TestAccount> {
  const account = await signUpOverHttp(stack.origin, stack.dataDir, options);
  return { ...account, password: PASSWORD };
}

/** An agency created by `owner`, who becomes its first member (role owner). */
export async function createAgency(stack: ImmoStack, owner: TestAccount, name = 'Immo Test Agence'): Promise<{ id: string }> {
  return call<{ id: string }>(stack.origin, 'POST', '/v1/agencies', {
    token: owner.accessToken,
    expected: 201,
    body: { legalName: name, vatNumber: 'BE0417497106', ipiNumber: '500.123', address: { street: 'Rue Neuve 1', postalCode: '1000', city: 'Bruxelles' } },
  });
}
