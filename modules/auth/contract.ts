import { z } from 'zod';
import { ROLES, type Principal, type Role } from '@immo/platform';

export const LOCALES = ['fr', 'nl', 'de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Account {
  id: string;
  email: string;
  role: Role;
  emailVerified: boolean;
  phone: string | null;
  phoneVerified: boolean;
  status: 'active' | 'suspended' | 'deleted';
  locale: Locale;
  displayName: string | null;
}

/** Agency memberships to put into access tokens; the users module provides them. */
export type ClaimsProvider = (userId: string) => Promise<Principal['agencies']>;

export interface AuthApi {
  getAccount(userId: string): Promise<Account | undefined>;
  /** Verifies an access token; throws a 401 Problem when it is not valid. */
  verifyAccessToken(token: string): Promise<Principal>;
  /** The users module registers where agency memberships come from (no dependency cycle: auth never imports users). */
  setClaimsProvider(provider: ClaimsProvider): void;
  /** Name and language, changed by the person through the users module. */
  updateIdentity(userId: string, patch: { displayName?: string | null; locale?: Locale }): Promise<Account>;
  /** Raises an individual to the agency role (accepting an agency invitation, founding an agency); never higher. */
  becomeProfessional(userId: string): Promise<void>;
  /**
   * Erases the account: blanks its personal values, drops credentials and
   * publishes `user.deleted` so every module erases what it holds. Audited.
   */
  eraseAccount(userId: string, actor: { userId: string; ip?: string }): Promise<void>;
  /** Records a sensitive action in the platform audit log. */
  audit(entry: { actorId: string | null; action: string; subjectType: string; subjectId: string | null; detail?: Record<string, unknown>; ip?: string | null }): Promise<void>;
}

const email = z.string().trim().toLowerCase().max(254).email();
const password = z.string().min(1).max(1024);

export const registerBody = z
  .object({
    email,
    password,
    displayName: z.string().trim().min(1).max(100).optional(),
    locale: z.enum(LOCALES).default('fr'),
  })
  .strict();

export const loginBody = z
  .object({
    email,
    password,
    /** TOTP code from the authenticator app, or a recovery code, when MFA is enrolled. */
    otp: z.string().trim().max(20).optional(),
  })
  .strict();

export const tokenPair = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  refreshToken: z.string(),
  userId: z.string(),
  mfa: z.boolean(),
});
export type TokenPair = z.infer<typeof tokenPair>;

export const refreshBody = z.object({ refreshToken: z.string().min(10).max(200) }).strict();
export const tokenBody = z.object({ token: z.string().min(10).max(200) }).strict();
export const forgotBody = z.object({ email }).strict();
export const resetBody = z.object({ token: z.string().min(10).max(200), password }).strict();
export const changePasswordBody = z.object({ currentPassword: password, newPassword: password }).strict();
export const phoneBody = z.object({ phone: z.string().trim().min(6).max(30) }).strict();
export const phoneCodeBody = z.object({ code: z.string().trim().regex(/^\d{6}$/) }).strict();
export const mfaChallengeBody = z.object({ mfaToken: z.string().min(10).max(200), otp: z.string().trim().min(6).max(20) }).strict();
export const otpBody = z.object({ otp: z.string().trim().min(6).max(20) }).strict();

export const accountView = z.object({
  id: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  role: z.enum(ROLES),
  status: z.enum(['active', 'suspended', 'deleted']),
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  locale: z.enum(LOCALES),
  displayName: z.string().nullable(),
});

export const meView = z.object({
  account: accountView,
  mfa: z.object({ enrolled: z.boolean(), sessionVerified: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() }),
  agencies: z.array(z.object({ agencyId: z.string(), role: z.enum(['owner', 'agent']) })),
  identities: z.array(z.object({ provider: z.string(), linkedAt: z.string() })),
});

export const sessionView = z.object({
  id: z.string(),
  current: z.boolean(),
  method: z.string(),
  mfa: z.boolean(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
});

export const enrolResult = z.object({ secret: z.string(), otpauthUri: z.string() });
export const recoveryCodesResult = z.object({ recoveryCodes: z.array(z.string()) });

export const roleBody = z.object({ role: z.enum(ROLES) }).strict();
export const suspendBody = z.object({ reason: z.string().trim().min(3).max(500) }).strict();
export const idParams = z.object({ id: z.uuid() });
export const adminListQuery = z.object({
  email: z.string().trim().max(254).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'suspended', 'deleted']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Roles that must pass a second factor before any of their routes answer. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['agency', 'admin', 'superadmin'];
