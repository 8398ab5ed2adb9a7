import { z } from 'zod';
import { defineEvent } from '@immo/platform';

// What messaging publishes, in the transaction that writes the message.
// Payloads carry ids only: the text stays in the messaging schema.

export const messageSent = defineEvent(
  'message.sent',
  1,
  z.object({
    messageId: z.string(),
    conversationId: z.string(),
    listingId: z.string(),
    senderId: z.string(),
    senderSide: z.enum(['seeker', 'owner']),
    /** People on the other side who should hear of it (the seeker, or the listing's owner). */
    recipientIds: z.array(z.string()),
    /** Set when the other side is an agency: all its agents see the conversation. */
    agencyId: z.string().nullable(),
  }),
);

export const messageRead = defineEvent(
  'message.read',
  1,
  z.object({ conversationId: z.string(), messageId: z.string(), readerId: z.string(), readerSide: z.enum(['seeker', 'owner']) }),
);
