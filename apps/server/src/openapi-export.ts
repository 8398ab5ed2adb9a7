/**
 * Writes the OpenAPI document of the composed server (every module of the
 * registry) to openapi.json at the repository root. `npm run openapi` runs it;
 * a test fails when the committed file differs from what the server serves.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestApp } from './testing.ts';
import { moduleRegistry } from './registry.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('../../../openapi.json', import.meta.url));

export async function currentOpenApiDocument(): Promise<string> {
  const t = await createTestApp({ modules: await moduleRegistry() });
  try {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    return `${JSON.stringify(response.json(), null, 2)}\n`;
  } finally {
    await t.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_FILE, await currentOpenApiDocument());
  console.log(`wrote ${OPENAPI_FILE}`);
  process.exit(0);
}
