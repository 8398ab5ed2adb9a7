import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { defineModule, newId, notFound } from '@immo/platform';

/** A tiny module used to test the gateway: one table, one write route, one read route. */
const noteInput = z.object({ title: z.string().min(1).max(200), stars: z.number().int().min(0).max(5) }).strict();
const note = noteInput.extend({ id: z.string().uuid() });

export const notesModule = defineModule({
  name: 'notes',
  migrations: fileURLToPath(new URL('./notes-migrations', import.meta.url)),
  create({ db }) {
    return {
      api: {},
      routes(app) {
        const r = app.withTypeProvider<ZodTypeProvider>();
        r.post('/v1/notes', { schema: { body: noteInput, response: { 201: note } } }, async (request, reply) => {
          const id = newId();
          await db.kysely.insertInto('notes.notes').values({ id, ...request.body }).execute();
          return reply.code(201).send({ id, ...request.body });
        });
        r.get('/v1/notes/:id', { schema: { params: z.object({ id: z.string().uuid() }), response: { 200: note } } }, async (request) => {
          const row = await db.kysely.selectFrom('notes.notes').select(['id', 'title', 'stars']).where('id', '=', request.params.id).executeTakeFirst();
          if (!row) throw notFound('This note');
          return row;
        });
        r.get('/v1/limited', { config: { rateLimit: { max: 2, timeWindow: 60_000 } } }, async () => ({ ok: true }));
      },
    };
  },
});
