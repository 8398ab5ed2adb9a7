import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentOpenApiDocument, OPENAPI_FILE } from '../src/openapi-export.ts';

describe('openapi.json', () => {
  it('is committed exactly as the running server serves it (run `npm run openapi` after an API change)', async () => {
    const served = await currentOpenApiDocument();
    expect(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'))).toEqual(JSON.parse(served));
  });
});
