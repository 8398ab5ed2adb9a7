// @immo/types: zod schemas and types shared by the server, the modules, the
// web, admin and mobile apps. Pure TypeScript on zod.
export * from './ids.ts';
export * from './domain.ts';
export * from './numbers.ts';
export * from './money.ts';
export * from './pagination.ts';
export * from './geo.ts';
