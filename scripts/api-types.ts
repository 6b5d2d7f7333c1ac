/**
 * Client types of the web interface, generated from the API's OpenAPI document (issue 13 item 5):
 * `web/src/api-types.ts` (committed). Regenerate after changing a DTO or a route:
 *
 *   npm run api-types                      # from a running API (npm run up), http://127.0.0.1:3000/docs-json
 *   npm run api-types -- http://host:port/docs-json
 *
 * test/integration/api/api-types.spec.ts generates them from the test app's /docs-json and fails
 * when the committed file differs (WRITE_API_TYPES=1 writes it instead).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

export const API_TYPES_FILE = path.join(__dirname, '..', 'web', 'src', 'api-types.ts');

const HEADER = `/**
 * Generated from the API's OpenAPI document (GET /docs-json) by openapi-typescript; do not edit.
 * Regenerate with \`npm run api-types\` (scripts/api-types.ts); the api-types test fails when stale.
 */
`;

/** The TypeScript source of the client types for an OpenAPI document. */
export async function apiTypesSource(doc: object): Promise<string> {
  const ast = await openapiTS(structuredClone(doc) as never, { alphabetize: true });
  return `${HEADER}\n${astToString(ast)}`;
}

async function main(): Promise<void> {
  const url = process.argv[2] ?? process.env.API_DOCS_URL ?? 'http://127.0.0.1:3000/docs-json';
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} → ${res.status}`);
  await fs.writeFile(API_TYPES_FILE, await apiTypesSource((await res.json()) as object));
  console.log(`escrito ${path.relative(process.cwd(), API_TYPES_FILE)} desde ${url}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
