import { hasRole, notFound, requireUser, type Principal } from '@immo/platform';

/**
 * The person's own resources: the person, or staff where `staff` allows it.
 * Anyone else gets 404, as if the person did not exist (no BOLA oracle).
 */
export function requireSelf(principal: Principal | undefined, userId: string, options: { staff?: 'admin' | 'superadmin' } = {}): Principal {
  const p = requireUser(principal);
  if (p.userId === userId) return p;
  if (options.staff && hasRole(p, options.staff)) return p;
  throw notFound('The user');
}
