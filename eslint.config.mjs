// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// Module boundaries (docs/ARCHITECTURE.md). A domain module is used by other modules only through
// its index.ts; the composition roots (src/*.ts, src/cli, src/database) wire modules and may name
// their files. `access` (roles, actors, scope) is pure: workflow code imports it.
const DOMAIN_MODULES = ['access', 'auth', 'catalog', 'inventory', 'production', 'requests', 'procedures', 'inbox', 'support'];
const SHARED_MODULES = ['common', 'config', 'health', 'http', 'observability', 'rendering', 'security', 'storage', 'system', 'temporal', 'uploads'];
const internalsOf = (modules) => ({
  regex: `^\\.\\.?/(\\.\\./)*(${modules.join('|')})/.`,
  message: "Import another module through its index.ts (e.g. '../catalog'), not its files.",
});
const boundaryBlocks = [
  ...DOMAIN_MODULES.map((module) => ({
    files: [`src/${module}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [internalsOf(DOMAIN_MODULES.filter((m) => m !== module))] }] },
  })),
  {
    files: SHARED_MODULES.map((module) => `src/${module}/**/*.ts`),
    rules: { 'no-restricted-imports': ['error', { patterns: [internalsOf(DOMAIN_MODULES)] }] },
  },
  {
    files: ['src/access/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'access is pure (workflow code imports it).' })),
          patterns: [
            { group: ['@nestjs/*', '@mikro-orm/*', '@temporalio/*'], message: 'access is pure (workflow code imports it).' },
            { regex: '^\\.\\./(?!common/domain-error$)', message: 'access imports only ../common/domain-error.' },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'eslint.config.mjs', 'jest.config.js', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...boundaryBlocks,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no I/O, no
    // randomness or wall clock of its own, and activities imported only as types.
    files: ['workflows/**/*.ts', 'statecharts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'No Node built-ins in workflow or statechart code.' })),
          patterns: [
            { group: ['../src/*', '../src/**', '!../src/**/*.types', '!../src/access'], allowTypeImports: true, message: 'Import activities and services as types only (values only from the pure ../src/access).' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'No process access in workflow code.' },
        { name: 'require', message: 'No dynamic require in workflow code.' },
        { name: 'setInterval', message: 'Use Temporal timers (sleep, condition).' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Non-deterministic: pass values in, or use uuid4() from @temporalio/workflow.' },
        { object: 'Date', property: 'now', message: 'Use the time given in events or workflow info, not the wall clock.' },
      ],
    },
  },
  {
    files: ['statecharts/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'Statecharts are pure: no clock.' },
      ],
    },
  },
);
