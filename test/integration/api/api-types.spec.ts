import { promises as fs } from 'node:fs';
import { API_TYPES_FILE, apiTypesSource } from '../../../scripts/api-types';
import { startTestApp, TestApp } from '../../support/app';

/**
 * The web interface's client types (web/src/api-types.ts) are those openapi-typescript generates
 * from the API's /docs-json now: a DTO or route changed without `npm run api-types` fails here.
 * WRITE_API_TYPES=1 writes the file instead of comparing.
 */
describe('client types generated from /docs-json', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('match the committed web/src/api-types.ts', async () => {
    const doc = (await t.http('GET', '/docs-json')).body as object;
    const fresh = await apiTypesSource(doc);
    if (process.env.WRITE_API_TYPES === '1') await fs.writeFile(API_TYPES_FILE, fresh);
    const committed = await fs.readFile(API_TYPES_FILE, 'utf8').catch(() => '');
    // A short message instead of a diff of thousands of lines; `git diff` after regenerating shows it.
    expect({ stale: committed !== fresh, fix: 'npm run api-types (or WRITE_API_TYPES=1 npx jest test/integration/api/api-types.spec.ts)' }).toEqual({ stale: false, fix: expect.any(String) });
    expect(fresh).toContain('InboxEntryDto');
  });
});
