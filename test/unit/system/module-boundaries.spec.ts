import { ESLint } from 'eslint';
import * as path from 'node:path';

/**
 * The module boundaries of eslint.config.mjs (docs/ARCHITECTURE.md): each source is linted as if it
 * stood at `filePath`, with the project's own configuration, and only the boundary rule is read.
 */
const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({
  cwd: root,
  // Fixtures are not files of the TypeScript project: parse without type information and run the boundary rule alone.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('module boundaries (lint)', () => {
  jest.setTimeout(120_000);

  it("fails on an import of another domain module's internal file", async () => {
    const errors = await boundaryErrors('src/requests/boundary-fixture.ts', "import { ProductionService } from '../production/production.service';\nexport const x = ProductionService;\n");
    expect(errors).toEqual([expect.stringContaining('through its index.ts')]);
  });

  it('fails from a nested folder and from a shared module too', async () => {
    expect(await boundaryErrors('src/production/http/boundary-fixture.ts', "import { School } from '../../catalog/entities/school.entity';\nexport const x = School;\n")).toHaveLength(1);
    expect(await boundaryErrors('src/http/boundary-fixture.ts', "import { AuthModule } from '../auth/auth.module';\nexport const x = AuthModule;\n")).toHaveLength(1);
  });

  it("passes through the module's index and inside the module", async () => {
    expect(await boundaryErrors('src/requests/boundary-fixture.ts', "import { ProductionService } from '../production';\nexport const x = ProductionService;\n")).toEqual([]);
    expect(await boundaryErrors('src/production/http/boundary-fixture.ts', "import { ProductionService } from '../production.service';\nexport const x = ProductionService;\n")).toEqual([]);
  });

  it('keeps access pure and lets workflow code import only it, as values, from src', async () => {
    expect(await boundaryErrors('src/access/boundary-fixture.ts', "import { Module } from '@nestjs/common';\nexport const x = Module;\n")).toHaveLength(1);
    expect(await boundaryErrors('src/access/boundary-fixture.ts', "import { School } from '../catalog';\nexport const x = School;\n")).toHaveLength(1);
    expect(await boundaryErrors('workflows/boundary-fixture.ts', "import { actorCovers } from '../src/access';\nexport const x = actorCovers;\n")).toEqual([]);
    expect(await boundaryErrors('workflows/boundary-fixture.ts', "import { ProductionService } from '../src/production';\nexport const x = ProductionService;\n")).toHaveLength(1);
  });
});
