import { z } from 'zod';
import { defineEvent } from '@immo/platform';

export const favoriteAdded = defineEvent('favorite.added', 1, z.object({ userId: z.string(), listingId: z.string() }));
export const favoriteRemoved = defineEvent('favorite.removed', 1, z.object({ userId: z.string(), listingId: z.string() }));
export const agencyMemberJoined = defineEvent('agency.member_joined', 1, z.object({ agencyId: z.string(), userId: z.string(), role: z.enum(['owner', 'agent']) }));
export const agencyMemberLeft = defineEvent('agency.member_left', 1, z.object({ agencyId: z.string(), userId: z.string() }));
