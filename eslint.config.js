// Lint rules, including the import boundaries the architecture depends on (one table, below).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src-main and the other folders of src-main each may import. Data flows one way: the
 * hosts (the Electron shell, the CLI, the HTTP server) call the API; the API calls the lower layers;
 * core, at the bottom, is pure domain logic. A folder not in this table fails
 * tests/unit/import-boundaries.test.ts, so a new one is placed on purpose.
 */
export const layers = {
  core: { imports: [], node: false },
  db: { imports: ['core'], node: true },
  guides: { imports: ['core', 'db'], node: true },
  reports: { imports: ['core', 'db', 'guides'], node: true },
  transfer: { imports: ['core', 'db', 'guides', 'reports'], node: true },
  // The team server's schema and sync: package records through the transfer layer, report templates
  // through the reports layer's loader, never the API.
  team: { imports: ['core', 'db', 'guides', 'reports', 'transfer'], node: true },
  api: { imports: ['core', 'db', 'guides', 'reports', 'transfer', 'team'], node: true },
  // Fills a data folder through the API, like any other client of it.
  demo: { imports: ['core', 'api'], node: true },
};
/** The hosts see everything: the folders and the files directly in src-main (index.ts, ipc.ts, cli.ts...). */
export const hosts = ['cli', 'server', 'runtime-host'];
export const hostFiles = ['index', 'ipc', 'preload', 'security', 'app-protocol', 'renderer-files', 'paths', 'cli', 'runtime-worker', 'save-file-channels', 'save-file-ipc'];
const srcMainFolders = [...Object.keys(layers), ...hosts];

const nodeModules = ['node:*', ...builtinModules, 'electron', 'better-sqlite3'];

/** Relative imports that reach into a folder of src-main (from any depth below src-main). */
const folderImport = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

function layerRules(layer, { imports, node }) {
  const forbidden = srcMainFolders.filter((folder) => folder !== layer && !imports.includes(folder));
  const patterns = [
    { regex: folderImport(forbidden), message: `src-main/${layer} may import only ${imports.length ? imports.join(', ') : 'nothing else'} of src-main (see the layers table in eslint.config.js).` },
    { regex: `^(\\.\\./)+(${hostFiles.join('|')})$`, message: `src-main/${layer} is below the hosts: it does not import index, ipc, cli, security or paths.` },
  ];
  if (!node) patterns.push({ group: nodeModules, message: `src-main/${layer} is pure domain logic: no Node, Electron or SQLite.` });
  return {
    files: [`src-main/${layer}/**/*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['out/', 'out-*/', 'dist/', 'node_modules/', 'native/', 'test-results/', 'playwright-report/', 'docs/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  ...Object.entries(layers).map(([layer, rule]) => layerRules(layer, rule)),
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeModules, message: 'The renderer has no Node or Electron: go through the API.' },
            {
              regex: '^(\\.\\./)+src-main/(?!api/contract$|core/)',
              message: 'The renderer may import only the API contract (its types) and the pure core from src-main.',
            },
            {
              regex: '^(\\.\\./)+src-main/core/(guide|answers)$',
              allowTypeImports: true,
              message: 'These core modules hold zod schemas, which stay out of the renderer: import their types only (localize is in core/localize, totalVotes in core/votes).',
            },
            {
              regex: '^(\\.\\./)+src-main/api/',
              allowTypeImports: true,
              message: 'The renderer imports only types from the API contract: calls go through lib/api.',
            },
          ],
        },
      ],
    },
  },
);
