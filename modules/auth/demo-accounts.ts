import type { Database } from '@immo/platform';
import type { Locale } from './contract.ts';
import { hashPassword } from './passwords.ts';
import { AuthStore } from './store.ts';

/** A demo advertiser of the seed: verified e-mail and phone, so their listings can be published. */
export interface DemoAccount {
  id: string;
  email: string;
  displayName: string;
  role: 'individual' | 'agency';
  locale: Locale;
  phone: string;
}

/**
 * Creates the demo accounts that do not exist yet, all with one password
 * (hashed once: argon2 is slow on purpose). For demo data only — the caller
 * refuses it in production, where a known password would be a way in.
 * Agency accounts still enrol MFA at their first sign-in, as everywhere.
 */
export async function seedDemoAccounts(database: Database, accounts: readonly DemoAccount[], password: string, now: Date): Promise<number> {
  if (accounts.length === 0) return 0;
  const store = new AuthStore(database);
  const passwordHash = await hashPassword(password);
  const inserted = await store.db
    .insertInto('auth.accounts')
    .values(
      accounts.map((a) => ({
        id: a.id,
        email: a.email,
        email_verified: true,
        password_hash: passwordHash,
        role: a.role,
        phone: a.phone,
        phone_verified: true,
        locale: a.locale,
        display_name: a.displayName,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
