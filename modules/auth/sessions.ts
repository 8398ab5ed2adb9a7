import type { Transaction } from 'kysely';
import { newId, type Cache, type Clock } from '@immo/platform';
import type { AuthDb, AuthExecutor, AuthTables } from './store.ts';
import { randomToken, tokenHash } from './sealed-secrets.ts';

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;
// An access token outlives its session by at most its own lifetime: the
// revocation mark in the cache lasts that long (15 min + skew).
const REVOKED_MARK_SECONDS = 20 * 60;

export type SessionRow = AuthTables['auth.sessions'];
export type RefreshOutcome =
  | { kind: 'rotated'; session: SessionRow; refreshToken: string }
  | { kind: 'reused'; session: SessionRow }
  | { kind: 'invalid' };

/**
 * A session is one refresh-token family. Each refresh consumes the presented
 * token and returns its successor; presenting a consumed token again means it
 * was stolen (or the legitimate copy was), so the whole family is revoked.
 */
export class Sessions {
  constructor(
    private readonly db: AuthDb,
    private readonly clock: Clock,
    private readonly cache: Cache,
  ) {}

  async open(trx: AuthExecutor, s: { userId: string; mfa: boolean; method: string; userAgent?: string }) {
    const now = this.clock.now();
    const session: SessionRow = {
      id: newId(),
      user_id: s.userId,
      mfa: s.mfa,
      method: s.method,
      user_agent: s.userAgent?.slice(0, 200) ?? null,
      created_at: now,
      last_used_at: now,
      expires_at: new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000),
      revoked_at: null,
      revoked_reason: null,
    };
    await trx.insertInto('auth.sessions').values(session).execute();
    const refreshToken = await this.#issue(trx, session.id, now);
    return { session, refreshToken };
  }

  async refresh(trx: Transaction<AuthTables>, presented: string): Promise<RefreshOutcome> {
    const now = this.clock.now();
    const token = await trx
      .selectFrom('auth.refresh_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash(presented))
      .forUpdate()
      .executeTakeFirst();
    if (!token) return { kind: 'invalid' };
    const session = await trx.selectFrom('auth.sessions').selectAll().where('id', '=', token.session_id).forUpdate().executeTakeFirst();
    if (!session || session.revoked_at || session.expires_at <= now) return { kind: 'invalid' };
    if (token.used_at) {
      await this.revoke(trx, session.id, 'refresh token reused');
      return { kind: 'reused', session };
    }
    await trx.updateTable('auth.refresh_tokens').set({ used_at: now }).where('token_hash', '=', token.token_hash).execute();
    await trx.updateTable('auth.sessions').set({ last_used_at: now }).where('id', '=', session.id).execute();
    return { kind: 'rotated', session, refreshToken: await this.#issue(trx, session.id, now) };
  }

  /** Revokes a session; its access tokens stop working at once (the gateway checks the mark). */
  async revoke(db: AuthExecutor, sessionId: string, reason: string) {
    await db
      .updateTable('auth.sessions')
      .set({ revoked_at: this.clock.now(), revoked_reason: reason })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
    await this.cache.set(revokedKey(sessionId), 1, REVOKED_MARK_SECONDS);
  }

  async revokeAll(db: AuthExecutor, userId: string, reason: string, except?: string) {
    let q = db.selectFrom('auth.sessions').select('id').where('user_id', '=', userId).where('revoked_at', 'is', null);
    if (except) q = q.where('id', '!=', except);
    for (const { id } of await q.execute()) await this.revoke(db, id, reason);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.cache.get(revokedKey(sessionId))) !== undefined;
  }

  /** The session a refresh token belongs to, if that token is the family's current one. */
  async sessionOfToken(presented: string) {
    return this.db
      .selectFrom('auth.refresh_tokens')
      .innerJoin('auth.sessions', 'auth.sessions.id', 'auth.refresh_tokens.session_id')
      .select(['auth.sessions.id', 'auth.sessions.user_id'])
      .where('token_hash', '=', tokenHash(presented))
      .where('used_at', 'is', null)
      .executeTakeFirst();
  }

  listActive(userId: string) {
    return this.db
      .selectFrom('auth.sessions')
      .select(['id', 'method', 'mfa', 'user_agent', 'created_at', 'last_used_at', 'expires_at'])
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.clock.now())
      .orderBy('last_used_at', 'desc')
      .execute();
  }

  session(id: string) {
    return this.db.selectFrom('auth.sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async #issue(db: AuthExecutor, sessionId: string, now: Date) {
    const refreshToken = randomToken();
    await db.insertInto('auth.refresh_tokens').values({ token_hash: tokenHash(refreshToken), session_id: sessionId, created_at: now, used_at: null }).execute();
    return refreshToken;
  }
}

const revokedKey = (sessionId: string) => `auth:session-revoked:${sessionId}`;
