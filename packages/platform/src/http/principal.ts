import { ROLES, type Role } from '@immo/types';
import { forbidden, unauthorized } from './problem.ts';

// The roles are the shared vocabulary's (@immo/types); re-exported so modules keep one import.
export { ROLES, type Role };

/**
 * Who is calling. Set on `request.principal` by the auth module's hook from a
 * verified access token; absent for anonymous calls. Services take it as an
 * argument and check ownership themselves.
 */
export interface Principal {
  userId: string;
  role: Role;
  /** Agencies the user belongs to, with their role there. */
  agencies: { agencyId: string; role: 'owner' | 'agent' }[];
  /** True when the session passed a second factor. */
  mfa: boolean;
  sessionId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function requireUser(principal: Principal | undefined): Principal {
  if (!principal) throw unauthorized();
  return principal;
}

const RANK: Record<Role, number> = { public: 0, individual: 1, agency: 2, admin: 3, superadmin: 4 };

export function hasRole(principal: Principal | undefined, role: Role): boolean {
  return !!principal && RANK[principal.role] >= RANK[role];
}

export function requireRole(principal: Principal | undefined, role: Role): Principal {
  const p = requireUser(principal);
  if (!hasRole(p, role)) throw forbidden(`This needs the ${role} role.`, { code: 'forbidden' });
  return p;
}

export const isStaff = (principal: Principal | undefined) => hasRole(principal, 'admin');
