import type { ListingStatus, Transaction } from './contract.ts';

/**
 * draft → published → under_offer → sold / rented → archived.
 * An offer can fall through (under_offer → published); an archived listing
 * comes back only as a draft, to be checked and published again.
 */
const NEXT: Record<ListingStatus, readonly ListingStatus[]> = {
  draft: ['published', 'archived'],
  published: ['under_offer', 'sold', 'rented', 'archived'],
  under_offer: ['published', 'sold', 'rented', 'archived'],
  sold: ['archived'],
  rented: ['archived'],
  archived: ['draft'],
};

/** Why the move is refused, or undefined when it is allowed. */
export function transitionRefusal(from: ListingStatus, to: ListingStatus, transaction: Transaction): string | undefined {
  if (from === to) return `The listing is already ${to}.`;
  if (!NEXT[from].includes(to)) {
    return `A ${from} listing cannot become ${to}; from ${from} it can become ${NEXT[from].join(' or ')}.`;
  }
  if (to === 'sold' && transaction === 'rent') return 'A listing for rent is marked rented, not sold.';
  if (to === 'rented' && transaction === 'sale') return 'A listing for sale is marked sold, not rented.';
  return undefined;
}

export const allowedNext = (from: ListingStatus) => NEXT[from];
