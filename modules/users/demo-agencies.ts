import type { Database } from '@immo/platform';
import type { AgencyRole } from './contract.ts';
import { UsersStore } from './store.ts';

/** A demo agency of the seed, with the accounts that work for it. */
export interface DemoAgency {
  id: string;
  legalName: string;
  vatNumber: string;
  ipiNumber: string;
  address: { street: string; postalCode: string; city: string };
  members: { userId: string; role: AgencyRole }[];
}

/** Creates the demo agencies and their memberships that do not exist yet (idempotent: the seed may run again). */
export async function seedDemoAgencies(database: Database, agencies: readonly DemoAgency[], now: Date): Promise<number> {
  const store = new UsersStore(database);
  let created = 0;
  await store.transaction(async (trx) => {
    for (const agency of agencies) {
      if (await trx.selectFrom('users.agencies').select('id').where('id', '=', agency.id).executeTakeFirst()) continue;
      const row = await store.insertAgency(trx, {
        id: agency.id,
        legal_name: agency.legalName,
        vat_number: agency.vatNumber,
        ipi_number: agency.ipiNumber,
        street: agency.address.street,
        postal_code: agency.address.postalCode,
        city: agency.address.city,
        logo_key: null,
        created_at: now,
        updated_at: now,
      });
      if (!row) continue;
      created++;
      for (const member of agency.members) await store.addMember(trx, { agency_id: agency.id, user_id: member.userId, role: member.role, joined_at: now });
    }
  });
  return created;
}
