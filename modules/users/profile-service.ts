import { newId, notFound, unprocessable, type ModuleContext, type Principal } from '@immo/platform';
import type { AuthApi } from '@immo/auth';
import type { UsersStore } from './store.ts';
import type { ConsentPurpose, SearchPreferences } from './contract.ts';
import { requireSelf } from './access.ts';
import { favoriteAdded, favoriteRemoved } from './events.ts';
import { sniffImage } from './images.ts';

const AVATAR_URL_SECONDS = 3600;

/** Profile, avatar, search preferences, favourites and consents of one person. */
export class ProfileService {
  constructor(
    private readonly ctx: ModuleContext,
    private readonly store: UsersStore,
    private readonly auth: AuthApi,
  ) {}

  async view(principal: Principal | undefined, userId: string) {
    requireSelf(principal, userId, { staff: 'admin' });
    const account = await this.auth.getAccount(userId);
    if (!account || account.status === 'deleted') throw notFound('The user');
    const profile = await this.store.profile(userId);
    return {
      id: account.id,
      email: account.email,
      emailVerified: account.emailVerified,
      phone: account.phone,
      phoneVerified: account.phoneVerified,
      displayName: account.displayName,
      locale: account.locale,
      role: account.role,
      avatarUrl: profile?.avatar_key ? await this.ctx.storage.signedGetUrl(profile.avatar_key, AVATAR_URL_SECONDS) : null,
    };
  }

  /** Name and language only: role, e-mail and status are not the person's to set here. */
  async update(principal: Principal | undefined, userId: string, patch: { displayName?: string | null; locale?: 'fr' | 'nl' | 'de' | 'en' }) {
    requireSelf(principal, userId);
    await this.auth.updateIdentity(userId, patch);
    return this.view(principal, userId);
  }

  async setAvatar(principal: Principal | undefined, userId: string, body: Buffer) {
    requireSelf(principal, userId);
    const image = sniffImage(body);
    if (!image) throw unprocessable('The avatar must be a JPEG, PNG or WebP image.', undefined, { code: 'image.unsupported' });
    const key = `avatars/${userId}/${newId()}.${image.ext}`;
    await this.ctx.storage.put(key, body, { contentType: image.contentType, cacheControl: 'private, max-age=3600' });
    const previous = await this.store.profile(userId);
    await this.store.setAvatar(userId, key, this.ctx.clock.now());
    if (previous?.avatar_key) await this.ctx.storage.delete(previous.avatar_key);
    return this.view(principal, userId);
  }

  async preferences(principal: Principal | undefined, userId: string) {
    requireSelf(principal, userId);
    return (await this.store.preferences(userId)) ?? null;
  }

  async putPreferences(principal: Principal | undefined, userId: string, preferences: SearchPreferences) {
    requireSelf(principal, userId);
    await this.store.putPreferences(userId, preferences, this.ctx.clock.now());
    return preferences;
  }

  async favorites(principal: Principal | undefined, userId: string) {
    requireSelf(principal, userId);
    return (await this.store.favorites(userId)).map((f) => ({ listingId: f.listing_id, addedAt: f.created_at.toISOString() }));
  }

  /** Idempotent: adding twice keeps one favourite and publishes once. */
  async addFavorite(principal: Principal | undefined, userId: string, listingId: string) {
    requireSelf(principal, userId);
    await this.store.transaction(async (trx) => {
      if (await this.store.addFavorite(trx, userId, listingId, this.ctx.clock.now())) {
        await this.ctx.events.publish(trx, favoriteAdded, { userId, listingId });
      }
    });
  }

  async removeFavorite(principal: Principal | undefined, userId: string, listingId: string) {
    requireSelf(principal, userId);
    await this.store.transaction(async (trx) => {
      if (await this.store.removeFavorite(trx, userId, listingId)) {
        await this.ctx.events.publish(trx, favoriteRemoved, { userId, listingId });
      }
    });
  }

  async consents(principal: Principal | undefined, userId: string) {
    requireSelf(principal, userId);
    return this.#consentView(userId);
  }

  /** Each change is a new timestamped row; withdrawing is the same call with `false`. */
  async setConsents(principal: Principal | undefined, userId: string, patch: { analytics?: boolean; marketing?: boolean; partnerSharing?: boolean }) {
    requireSelf(principal, userId);
    const now = this.ctx.clock.now();
    const wanted: [ConsentPurpose, boolean | undefined][] = [
      ['analytics', patch.analytics],
      ['marketing', patch.marketing],
      ['partner_sharing', patch.partnerSharing],
    ];
    const current = (await this.#consentView(userId)).current;
    const currentOf = { analytics: current.analytics, marketing: current.marketing, partner_sharing: current.partnerSharing };
    const rows = wanted
      .filter(([purpose, granted]) => granted !== undefined && granted !== currentOf[purpose])
      .map(([purpose, granted]) => ({ id: newId(), user_id: userId, purpose, granted: granted!, recorded_at: now }));
    await this.store.recordConsents(this.store.db, rows);
    return this.#consentView(userId);
  }

  async #consentView(userId: string) {
    const history = await this.store.consentHistory(userId);
    const latest = (purpose: ConsentPurpose) => history.find((h) => h.purpose === purpose)?.granted ?? false;
    return {
      current: { analytics: latest('analytics'), marketing: latest('marketing'), partnerSharing: latest('partner_sharing') },
      history: history.map((h) => ({ purpose: h.purpose, granted: h.granted, recordedAt: h.recorded_at.toISOString() })),
    };
  }
}

