import { z } from 'zod';

/** Every entity id is a UUID (v7 from the platform's ids, any version accepted). */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** `{ id }` path parameters. */
export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;
