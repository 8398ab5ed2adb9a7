import { z } from 'zod';
import { defineEvent, ROLES } from '@immo/platform';

// Payloads carry ids, never personal values: the outbox outlives an erasure.

export const userRegistered = defineEvent(
  'user.registered',
  1,
  z.object({ userId: z.string(), role: z.enum(ROLES), locale: z.string(), method: z.enum(['password', 'social']) }),
);

export const userLogin = defineEvent(
  'user.login',
  1,
  z.object({ userId: z.string(), sessionId: z.string(), method: z.enum(['password', 'social']), mfa: z.boolean() }),
);

export const userSuspended = defineEvent('user.suspended', 1, z.object({ userId: z.string() }));

export const userReactivated = defineEvent('user.reactivated', 1, z.object({ userId: z.string() }));

export const userRoleChanged = defineEvent('user.role_changed', 1, z.object({ userId: z.string(), from: z.enum(ROLES), to: z.enum(ROLES) }));

/** Every module erases or anonymises what it holds on the person when this arrives. */
export const userDeleted = defineEvent('user.deleted', 1, z.object({ userId: z.string() }));
