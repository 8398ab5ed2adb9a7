import { uuidv7 } from 'uuidv7';

/** Sortable, unique ids (UUIDv7): time-ordered, so keyset pages and indexes stay compact. */
export function newId(): string {
  return uuidv7();
}
