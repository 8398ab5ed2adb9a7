import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { ROLES, unauthorized, newId, type Clock, type Principal, type Role } from '@immo/platform';
import type { SigningKeys } from './signing-keys.ts';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const ACCESS_TOKEN_AUDIENCE = 'immo-api';

export interface AccessClaims {
  userId: string;
  role: Role;
  agencies: Principal['agencies'];
  /** Authentication methods of the session (RFC 8176): ['pwd'], ['pwd', 'otp'], ['fed'] ... */
  amr: string[];
  sessionId: string;
}

/** Access JWTs: RS256, 15 minutes, `kid` in the header, verifiable by any JOSE library through our JWKS. */
export class AccessTokens {
  constructor(
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    readonly issuer: string,
  ) {}

  async sign(claims: AccessClaims): Promise<{ token: string; expiresIn: number }> {
    const { kid, privateKey } = await this.keys.signingKey();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const token = await new SignJWT({
      role: claims.role,
      agencies: claims.agencies.map((a) => ({ id: a.agencyId, role: a.role })),
      amr: claims.amr,
      sid: claims.sessionId,
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
      .setIssuer(this.issuer)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject(claims.userId)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
      .setJti(newId())
      .sign(privateKey);
    return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /**
   * Verifies signature (RS256 only: `none`, HS256 and any other algorithm are
   * refused before a key is looked at), issuer, audience and expiry.
   * Throws a 401 Problem; never says which check failed.
   */
  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, async (header) => {
        const key = await this.keys.verificationKey(header.kid);
        if (!key) throw new joseErrors.JWKSNoMatchingKey();
        return key;
      }, {
        algorithms: ['RS256'],
        issuer: this.issuer,
        audience: ACCESS_TOKEN_AUDIENCE,
        currentDate: this.clock.now(),
        typ: 'at+jwt',
        requiredClaims: ['sub', 'exp', 'iat', 'sid'],
      }));
    } catch {
      throw unauthorized('The access token is invalid or expired: refresh it or sign in again.', { code: 'auth.session_expired' });
    }
    return toPrincipal(payload);
  }
}

function toPrincipal(payload: JWTPayload): Principal {
  const role = payload.role as Role;
  if (!ROLES.includes(role) || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
    throw unauthorized('The access token is invalid or expired: refresh it or sign in again.', { code: 'auth.session_expired' });
  }
  const agencies = Array.isArray(payload.agencies)
    ? (payload.agencies as { id: string; role: 'owner' | 'agent' }[]).map((a) => ({ agencyId: a.id, role: a.role }))
    : [];
  const amr = Array.isArray(payload.amr) ? (payload.amr as string[]) : [];
  return { userId: payload.sub, role, agencies, mfa: amr.includes('otp'), sessionId: payload.sid };
}
