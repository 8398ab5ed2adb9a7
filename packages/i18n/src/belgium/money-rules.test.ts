import { describe, expect, it } from 'vitest';
import { registrationDuties, rentalGuaranteeCap, rentalGuaranteeMonths, vatIncluded, withVat } from './money-rules.ts';

describe('rental guarantee cap', () => {
  it('is 3 months in Flanders, 2 on a blocked account in Brussels and Wallonia', () => {
    expect(rentalGuaranteeMonths('flanders')).toBe(3);
    expect(rentalGuaranteeMonths('brussels')).toBe(2);
    expect(rentalGuaranteeMonths('wallonia', 'bank_guarantee')).toBe(3);
    expect(rentalGuaranteeCap('brussels', 950)).toBe(1900);
    expect(rentalGuaranteeCap('flanders', 950)).toBe(2850);
    expect(() => rentalGuaranteeCap('wallonia', -1)).toThrow(RangeError);
  });
});

describe('registration duties', () => {
  it('Flanders: 12 %, 2 % for the only own home', () => {
    expect(registrationDuties({ region: 'flanders', price: 350_000, situation: 'standard' })).toEqual({ rate: 0.12, exempted: 0, amount: 42_000 });
    expect(registrationDuties({ region: 'flanders', price: 350_000, situation: 'main_home' }).amount).toBe(7_000);
  });
  it('Wallonia: 12.5 %, 3 % for the first own home', () => {
    expect(registrationDuties({ region: 'wallonia', price: 250_000, situation: 'standard' }).amount).toBe(31_250);
    expect(registrationDuties({ region: 'wallonia', price: 250_000, situation: 'main_home' }).amount).toBe(7_500);
  });
  it('Brussels: 12.5 % with the first €200,000 exempted for a first home up to €600,000', () => {
    expect(registrationDuties({ region: 'brussels', price: 400_000, situation: 'main_home' })).toEqual({ rate: 0.125, exempted: 200_000, amount: 25_000 });
    expect(registrationDuties({ region: 'brussels', price: 600_000, situation: 'main_home' }).amount).toBe(50_000);
    // One euro above the ceiling loses the whole abatement.
    expect(registrationDuties({ region: 'brussels', price: 600_001, situation: 'main_home' }).amount).toBe(75_000.13);
    expect(registrationDuties({ region: 'brussels', price: 150_000, situation: 'main_home' }).amount).toBe(0);
    expect(registrationDuties({ region: 'brussels', price: 400_000, situation: 'standard' }).amount).toBe(50_000);
  });
  it('refuses impossible prices', () => {
    expect(() => registrationDuties({ region: 'brussels', price: Number.POSITIVE_INFINITY, situation: 'standard' })).toThrow(RangeError);
  });
});

describe('VAT 21 %', () => {
  it('adds and extracts VAT to the cent', () => {
    expect(withVat(100)).toBe(121);
    expect(withVat(19.99)).toBe(24.19);
    expect(vatIncluded(121)).toBe(21);
  });
});
