import { fileURLToPath } from 'node:url';
import { defineModule, type Executor, type ModuleContext, type ModuleDefinition, type Subscriber } from '@immo/platform';
import { userDeleted, type AuthApi } from '@immo/auth';
import type { UsersApi } from './contract.ts';
import { UsersStore, type UsersDb } from './store.ts';
import { ProfileService } from './profile-service.ts';
import { PrivacyService } from './privacy-service.ts';
import { AgencyService } from './agency-service.ts';
import { IMAGE_LIMIT_BYTES, IMAGE_TYPES, userRoutes } from './routes.ts';
import { agencyRoutes } from './agency-routes.ts';

export type { UsersApi, AgencyRole, SearchPreferences } from './contract.ts';
export { favoriteAdded, favoriteRemoved, agencyMemberJoined, agencyMemberLeft } from './events.ts';
export { seedDemoAgencies, type DemoAgency } from './demo-agencies.ts';

/**
 * Profiles, search preferences, favourites, consents and agencies. Depends on
 * auth for accounts; gives auth the agency memberships to put into tokens
 * through a claims provider (auth never imports users: no cycle).
 */
export const usersModule: ModuleDefinition<UsersApi> = defineModule<UsersApi>({
  name: 'users',
  dependsOn: ['auth'],
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  create(ctx: ModuleContext) {
    const auth = ctx.module<AuthApi>('auth');
    const store = new UsersStore(ctx.db);
    const publicUrl = (ctx.config.PUBLIC_URL ?? `http://localhost:${ctx.config.PORT}`).replace(/\/$/, '');
    const profiles = new ProfileService(ctx, store, auth);
    const privacy = new PrivacyService(ctx, store, auth);
    const agencies = new AgencyService(ctx, store, auth, publicUrl);

    const agenciesOf = async (userId: string) => (await store.agenciesOf(userId)).map((m) => ({ agencyId: m.agency_id, role: m.role }));
    auth.setClaimsProvider(agenciesOf);

    const erasePerson: Subscriber<typeof userDeleted.schema> = {
      consumer: 'users.erase-person',
      event: userDeleted,
      async handle({ userId }, _envelope, trx: Executor) {
        // inside the consumer's transaction only: PGlite has one connection, held by it
        const db = trx as unknown as UsersDb;
        const profile = await store.profile(userId, db);
        await store.erasePerson(db, userId);
        if (profile?.avatar_key) await ctx.storage.delete(profile.avatar_key);
      },
    };

    const api: UsersApi = {
      agenciesOf,
      async isAgencyMember(userId, agencyId) {
        return !!(await store.membership(agencyId, userId));
      },
      async agency(agencyId) {
        const a = await store.agency(agencyId);
        return a && { id: a.id, legalName: a.legal_name, vatNumber: a.vat_number, logoKey: a.logo_key };
      },
      async profile(userId) {
        const account = await auth.getAccount(userId);
        return account && account.status !== 'deleted' ? { displayName: account.displayName, locale: account.locale } : undefined;
      },
      async searchPreferences(userId) {
        return (await store.preferences(userId)) ?? null;
      },
      favorites: (principal, userId) => profiles.favorites(principal, userId),
    };

    return {
      api,
      subscribers: [erasePerson as Subscriber],
      routes(app) {
        app.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: IMAGE_LIMIT_BYTES }, (_request, body, done) => done(null, body));
        userRoutes(app, { profiles, privacy });
        agencyRoutes(app, agencies, store, ctx.storage);
      },
      async exportPersonalData(userId) {
        const [profile, preferences, favorites, consents, memberships] = await Promise.all([
          store.profile(userId),
          store.preferences(userId),
          store.favorites(userId),
          store.consentHistory(userId),
          store.agenciesOf(userId),
        ]);
        return {
          profile: profile ? [{ avatarKey: profile.avatar_key, updatedAt: profile.updated_at.toISOString() }] : [],
          searchPreferences: preferences ? [preferences] : [],
          favorites: favorites.map((f) => ({ listingId: f.listing_id, addedAt: f.created_at.toISOString() })),
          consents: consents.map((c) => ({ purpose: c.purpose, granted: c.granted, recordedAt: c.recorded_at.toISOString() })),
          agencyMemberships: memberships.map((m) => ({ agencyId: m.agency_id, role: m.role })),
        };
      },
    };
  },
});
