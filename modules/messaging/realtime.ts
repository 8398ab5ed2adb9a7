import { z } from 'zod';
import type { Server, Socket } from 'socket.io';
import { Problem, tooManyRequests, type LiveEmitter, type Logger, type Principal } from '@immo/platform';
import type { MessagingService, LiveFeed } from './service.ts';
import { sendInput } from './contract.ts';

// Socket.IO protocol of messaging on /ws. The socket server (see
// @immo/notifications/socket-server) has already authenticated the socket
// (socket.data.principal) and joined it to `user:<id>` and `agency:<id>`.
//
// client → server                         server → client
//   message:send {…SendInput} (ack)         message:new MessageView
//   message:read {conversationId,messageId}  message:read {conversationId,userId,side,messageId}
//   message:delivered {…same}                message:delivered {…same}
//   typing {conversationId, typing}          typing {conversationId,userId,typing}
//   presence:get {conversationId} (ack)      presence {userId, online}
//   sync {lastId} (ack)                      conversation:new {conversationId}
//
// Reconnection: put the last message id the client holds in the handshake
// (`auth.lastMessageId`, kept up to date by the client); on connecting, the
// server sends every message after it as `message:new`, once, in order.

export const conversationRoom = (id: string) => `conversation:${id}`;
export const userRoom = (id: string) => `user:${id}`;
export const agencyRoom = (id: string) => `agency:${id}`;

const receiptInput = z.object({ conversationId: z.uuid(), messageId: z.uuid() });
const typingInput = z.object({ conversationId: z.uuid(), typing: z.boolean() });
const syncInput = z.object({ lastId: z.uuid() });
const conversationInput = z.object({ conversationId: z.uuid() });

type Ack = (reply: unknown) => void;

/** Turns any failure into a reply the client can read (problem+json shape). */
function failure(error: unknown) {
  if (error instanceof Problem) return { ok: false, error: error.toBody() };
  if (error instanceof z.ZodError) return { ok: false, error: { status: 400, title: 'Invalid request', detail: z.prettifyError(error) } };
  return { ok: false, error: { status: 500, title: 'Internal error', detail: 'Something went wrong on our side.' } };
}

export interface RealtimeOptions {
  /** Messages one socket may send per 10 seconds (HTTP sends go through the gateway's rate limit instead). */
  sendsPerTenSeconds?: number;
}

/** A fixed 10-second window per socket: enough for a person typing fast, not for a script. */
function sendLimiter(limit: number) {
  let windowStart = 0;
  let count = 0;
  return () => {
    const now = Date.now();
    if (now - windowStart >= 10_000) {
      windowStart = now;
      count = 0;
    }
    if (++count > limit) throw tooManyRequests(`Slow down: at most ${limit} messages per 10 seconds.`, Math.ceil((windowStart + 10_000 - now) / 1000), { code: 'message.too_many', params: { limit } });
  };
}

/** The socket handlers of messaging (in a process holding sockets). */
export function messagingRealtime(io: Server, service: MessagingService, logger: Logger, options: RealtimeOptions = {}): void {
  const principalOf = (socket: Socket) => socket.data.principal as Principal;

  const handle = <T extends z.ZodType>(socket: Socket, event: string, schema: T, run: (input: z.infer<T>, principal: Principal) => Promise<unknown>) => {
    socket.on(event, async (payload: unknown, ack?: Ack) => {
      try {
        const result = await run(schema.parse(payload), principalOf(socket));
        if (typeof ack === 'function') ack({ ok: true, ...(result as object) });
      } catch (error) {
        if (!(error instanceof Problem) && !(error instanceof z.ZodError)) logger.error({ err: error, event }, 'socket handler failed');
        if (typeof ack === 'function') ack(failure(error));
      }
    });
  };

  io.on('connection', async (socket) => {
    const principal = principalOf(socket);
    if (!principal) return;
    // handlers first, so nothing the client sends while we join rooms is lost
    const allowSend = sendLimiter(options.sendsPerTenSeconds ?? 30);
    handle(socket, 'message:send', sendInput, async (input, p) => {
      allowSend();
      return service.send(p, input);
    });
    handle(socket, 'message:read', receiptInput, (input, p) => service.markRead(p, input.conversationId, input.messageId));
    handle(socket, 'message:delivered', receiptInput, (input, p) => service.markDelivered(p, input.conversationId, input.messageId));
    handle(socket, 'sync', syncInput, async (input, p) => ({ messages: await service.missedSince(p, input.lastId) }));
    handle(socket, 'typing', typingInput, async (input, p) => {
      if (!socket.rooms.has(conversationRoom(input.conversationId))) return;
      socket.to(conversationRoom(input.conversationId)).emit('typing', { conversationId: input.conversationId, userId: p.userId, typing: input.typing });
    });
    handle(socket, 'presence:get', conversationInput, async (input, p) => {
      const { row } = await service.conversation(p, input.conversationId);
      const ids = [row.seeker_id, row.owner_id].filter((x): x is string => !!x && x !== p.userId);
      const online: Record<string, boolean> = {};
      for (const id of ids) online[id] = (await io.in(userRoom(id)).fetchSockets()).length > 0;
      return { online };
    });
    // presence: the last socket of a person going away tells the conversations they are in
    socket.on('disconnecting', async () => {
      const rooms = [...socket.rooms].filter((room) => room.startsWith('conversation:'));
      try {
        const others = (await io.in(userRoom(principal.userId)).fetchSockets()).filter((s) => s.id !== socket.id);
        if (others.length === 0 && rooms.length) io.to(rooms).emit('presence', { userId: principal.userId, online: false });
      } catch (error) {
        logger.warn({ err: error }, 'presence update failed');
      }
    });

    try {
      const rooms = (await service.conversationIdsOf(principal)).map(conversationRoom);
      if (rooms.length) {
        socket.join(rooms);
        socket.to(rooms).emit('presence', { userId: principal.userId, online: true });
      }
      const lastId = syncInput.safeParse({ lastId: socket.handshake.auth?.lastMessageId });
      if (lastId.success) {
        for (const message of await service.missedSince(principal, lastId.data.lastId)) socket.emit('message:new', message);
      }
      socket.emit('ready', { conversations: rooms.length });
    } catch (error) {
      logger.error({ err: error }, 'socket setup failed');
      socket.disconnect(true);
    }
  });

}

/**
 * Pushes of messages sent and receipts moved, wherever they happened (a socket
 * here, an HTTP request in an api process): through the socket server where it
 * runs, else through the Redis emitter (see ModuleInstance.live).
 */
export function messagingLiveFeed(emitter: LiveEmitter): LiveFeed {
  return {
    messageSent(conversation, message, created) {
      const room = conversationRoom(conversation.id);
      if (!created) {
        emitter.to(room).emit('message:new', message);
        return;
      }
      // a new conversation: every socket of both sides joins its room (on every node, through the adapter)
      const targets = [conversation.seeker_id && userRoom(conversation.seeker_id), conversation.owner_id && userRoom(conversation.owner_id), conversation.agency_id && agencyRoom(conversation.agency_id)].filter((x): x is string => !!x);
      emitter.in(targets).socketsJoin(room);
      emitter.to(targets).emit('conversation:new', { conversationId: conversation.id });
      // the first message goes to the people's rooms too: a remote node may apply the join after this
      // emit (they travel on two Redis channels); one emit to several rooms reaches each socket once
      emitter.to([room, ...targets]).emit('message:new', message);
    },
    receipt(conversationId, receipt) {
      emitter.to(conversationRoom(conversationId)).emit(`message:${receipt.kind}`, { conversationId, ...receipt });
    },
    blockChanged(conversationId, blocked) {
      emitter.to(conversationRoom(conversationId)).emit('conversation:blocked', { conversationId, blocked });
    },
  };
}
