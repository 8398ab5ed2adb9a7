import { eventually } from '../../apps/server/test/server-processes.ts';

/** Mail and texts may leave after the answer: reads the stack's outbox (`read` throws until they are there) for up to 15 s. */
export function fromOutbox<T>(read: () => T): Promise<T> {
  return eventually(read);
}
