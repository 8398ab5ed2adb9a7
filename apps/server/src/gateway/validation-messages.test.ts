import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationFieldError, type ValidationIssue } from './validation-messages.ts';

const issuesOf = (schema: z.ZodType, input: unknown): ValidationIssue[] => schema.safeParse(input).error!.issues.map((i) => ({ ...i }) as ValidationIssue);

describe('schema validation messages', () => {
  it('gives zod’s usual wordings a catalogue code and parameters, English message kept', () => {
    const [small] = issuesOf(z.object({ n: z.number().min(3) }), { n: 1 });
    expect(validationFieldError(small!, 'body.n', 'fr')).toEqual({ path: 'body.n', message: 'Too small: expected number to be >=3', code: 'field.min', params: { minimum: 3 } });
    const [choice] = issuesOf(z.enum(['sale', 'rent']), 'buy');
    expect(validationFieldError(choice!, 'transaction', 'nl')).toMatchObject({ code: 'field.one_of', params: { values: 'sale, rent' } });
    const [email] = issuesOf(z.email(), 'nope');
    expect(validationFieldError(email!, 'email', 'de')).toMatchObject({ code: 'field.email' });
  });

  it('tells a missing value from a wrong type, though the issue does not keep the input', () => {
    const issues = issuesOf(z.object({ a: z.string(), b: z.number() }), { b: 'x' });
    expect(issues.map((i) => validationFieldError(i, String(i.path), 'fr').code)).toEqual(['field.required', 'field.invalid_type']);
  });

  it('words the other issues with zod’s own locale', () => {
    const [regex] = issuesOf(z.string().regex(/^\d{4}$/), 'abc');
    const fr = validationFieldError(regex!, 'postalCode', 'fr');
    expect(fr.code).toBeUndefined();
    expect(fr.message).not.toBe(regex!.message);
    expect(fr.message).toMatch(/^Chaîne de caractères invalide/);
    expect(validationFieldError(regex!, 'postalCode', 'en').message).toBe(regex!.message);
  });

  it('keeps a message a schema’s author wrote, with a code when the catalogue has its words', () => {
    const [euros] = issuesOf(z.number().int('whole euros'), 1.5);
    expect(validationFieldError(euros!, 'price', 'nl')).toEqual({ path: 'price', message: 'whole euros', code: 'field.whole_euros' });
    const [nis] = issuesOf(z.string().regex(/^\d{5}$/, 'a NIS code has five digits'), '123');
    expect(validationFieldError(nis!, 'address.communeNis', 'fr')).toMatchObject({ code: 'field.nis' });
    const [date] = issuesOf(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date looks like 2026-09-01'), 'tomorrow');
    expect(validationFieldError(date!, 'availableFrom', 'de')).toMatchObject({ code: 'field.date' });
    const [other] = issuesOf(z.string().max(3, 'three at most, please'), 'abcd');
    expect(validationFieldError(other!, 'x', 'fr')).toEqual({ path: 'x', message: 'three at most, please' });
  });
});
