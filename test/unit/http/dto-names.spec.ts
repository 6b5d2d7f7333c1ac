import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Swagger names a schema after its DTO class: two classes with one name become one schema, and one of them is documented (and typed in web/src/api-types.ts) wrongly. */
describe('DTO class names', () => {
  it('are unique across src/', () => {
    const seen = new Map<string, string[]>();
    for (const file of sources(join(__dirname, '..', '..', '..', 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/export class (\w+Dto)\b/g)) seen.set(m[1], [...(seen.get(m[1]) ?? []), file]);
    }
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
