import type { Region } from './region.ts';

/** Standard Belgian VAT rate (services, new buildings). */
export const VAT_RATE = 0.21;

/** Amount with 21 % VAT added, rounded to the cent. */
export function withVat(amountExclVat: number): number {
  return Math.round(amountExclVat * (1 + VAT_RATE) * 100) / 100;
}

/** The VAT part of an amount that includes it, rounded to the cent. */
export function vatIncluded(amountInclVat: number): number {
  return Math.round((amountInclVat - amountInclVat / (1 + VAT_RATE)) * 100) / 100;
}

export type GuaranteeForm = 'blocked_account' | 'bank_guarantee';

/**
 * Maximum rental guarantee (deposit) for a main residence, in months of rent.
 * - Flanders: Woninghuurdecreet of 9 November 2018 (leases from 1 January
 *   2019), art. 37: at most 3 months, whatever the form.
 * - Brussels: Code bruxellois du Logement, art. 248 (ordinance of 27 July
 *   2017): 2 months on a blocked account, 3 months as a bank guarantee.
 * - Wallonia: décret du 15 mars 2018 relatif au bail d'habitation, art. 62:
 *   2 months on a blocked account, 3 months as a bank guarantee.
 * (Both keep the rule the federal law of 25 April 2007 put in the lease law.)
 */
export function rentalGuaranteeMonths(region: Region, form: GuaranteeForm = 'blocked_account'): number {
  if (region === 'flanders') return 3;
  return form === 'bank_guarantee' ? 3 : 2;
}

/** The highest deposit a landlord may ask, in euros. */
export function rentalGuaranteeCap(region: Region, monthlyRent: number, form: GuaranteeForm = 'blocked_account'): number {
  if (!Number.isFinite(monthlyRent) || monthlyRent < 0) throw new RangeError('Monthly rent must be a positive amount.');
  return monthlyRent * rentalGuaranteeMonths(region, form);
}

export interface RegistrationDutiesInput {
  region: Region;
  /** Purchase price (or market value if higher), in euros. */
  price: number;
  /**
   * The buyer's situation: `main_home` is the reduced case of each region
   * (Flanders: the buyer's only home; Wallonia: the first own home;
   * Brussels: the first own home, which opens the abatement). `standard` otherwise.
   */
  situation: 'standard' | 'main_home';
}

export interface RegistrationDuties {
  rate: number;
  /** Part of the price exempted (Brussels abatement), in euros. */
  exempted: number;
  /** Duties due, in euros, rounded to the cent. */
  amount: number;
}

/**
 * Registration duties on the purchase of an existing home (not VAT-regime new
 * builds). Notary fees and the other costs of the deed are not included.
 * Rates as the author knows them for 2025–2026; they change with regional
 * budgets, so re-verify against the regional tax services (Vlaamse
 * Belastingdienst, SPW Fiscalité, Bruxelles Fiscalité) when they move.
 * - Flanders (Vlaamse Codex Fiscaliteit, art. 2.9.4.2.1): 12 %; 2 % for the
 *   purchase of the buyer's only own home, from 1 January 2025 (3 % in 2024).
 * - Wallonia (Code des droits d'enregistrement, as amended by the decree of
 *   19 December 2024): 12.5 %; 3 % for the first own home, from 1 January 2025.
 * - Brussels (Code des droits d'enregistrement, art. 46bis): 12.5 %; for a
 *   first own home of at most €600,000 the first €200,000 are exempted
 *   (since 1 April 2023), i.e. a saving of up to €25,000.
 */
export function registrationDuties({ region, price, situation }: RegistrationDutiesInput): RegistrationDuties {
  if (!Number.isFinite(price) || price < 0) throw new RangeError('Price must be a positive amount.');
  let rate: number;
  let exempted = 0;
  if (region === 'flanders') rate = situation === 'main_home' ? 0.02 : 0.12;
  else if (region === 'wallonia') rate = situation === 'main_home' ? 0.03 : 0.125;
  else {
    rate = 0.125;
    if (situation === 'main_home' && price <= BRUSSELS_ABATEMENT.priceCeiling) {
      exempted = Math.min(price, BRUSSELS_ABATEMENT.exempted);
    }
  }
  const amount = Math.round((price - exempted) * rate * 100) / 100;
  return { rate, exempted, amount };
}

export const BRUSSELS_ABATEMENT = { exempted: 200_000, priceCeiling: 600_000 } as const;
