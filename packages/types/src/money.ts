import { z } from 'zod';

/**
 * Listing prices, rents and charges are whole euros stored as integers:
 * nobody lists a home at €350,000.50, integers compare and index exactly,
 * and they fit an int8 column. Up to €1 billion.
 */
export const Euros = z.int().min(0).max(1_000_000_000);
export type Euros = z.infer<typeof Euros>;

/**
 * Payments and invoices (fees, subscriptions) need cents: integer cents,
 * never floating-point euros.
 */
export const Cents = z.int().min(0).max(100_000_000_000);
export type Cents = z.infer<typeof Cents>;

/** An amount with its currency, for payloads that leave the platform. */
export const Money = z.object({ amount: Euros, currency: z.literal('EUR') });
export type Money = z.infer<typeof Money>;
