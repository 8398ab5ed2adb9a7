import { sql } from 'kysely';
import { liegeFlatToRent, type CreateListingInput } from '@immo/listings';
import type { TestApp } from '../src/testing.ts';

// Test support for the cross-module GDPR test: a scan of every table for a
// value, and a listing body. (Its photo and multipart envelope come from
// @immo/media's test support: scenePhoto, multipartFile.)

/** Every table of every schema whose rows, as text, contain `value` (case-insensitive). */
export async function tablesHolding(t: TestApp, value: string): Promise<string[]> {
  const db = t.platform.db.kysely;
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg\_%'`.execute(db);
  const found: string[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${table.schema}.${table.name}`)} as r where r::text ilike ${`%${value}%`}`.execute(db);
    if (rows[0]!.n > 0) found.push(`${table.schema}.${table.name}`);
  }
  return found.sort();
}

/** The column(s) of one table whose value, as text, contains `value`: for a precise failure message. */
export async function columnsHolding(t: TestApp, table: string, value: string): Promise<string[]> {
  const [schema, name] = table.split('.');
  const db = t.platform.db.kysely;
  const { rows: columns } = await sql<{ column: string }>`
    select column_name as column from information_schema.columns where table_schema = ${schema} and table_name = ${name}`.execute(db);
  const found: string[] = [];
  for (const { column } of columns) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)}::text ilike ${`%${value}%`}`.execute(db);
    if (rows[0]!.n > 0) found.push(`${table}.${column}`);
  }
  return found;
}

/** A rental in Ixelles (Brussels), EPC on the Brussels scale: listings' Liège flat, moved. */
export function ixellesFlat(overrides: Partial<CreateListingInput> = {}): CreateListingInput {
  return liegeFlatToRent({
    price: 1_350,
    charges: 150,
    address: { street: 'Rue du Bailli', number: '42', postalCode: '1050', communeNis: '21009' },
    livingArea: 85,
    epc: { label: 'D', kwh: 160, certificate: '20260311000042' },
    features: ['balcony'],
    title: { fr: 'Appartement lumineux, Ixelles Bailli' },
    description: { fr: 'Deux chambres, proche de la place du Châtelain.' },
    contact: undefined,
    ...overrides,
  });
}
