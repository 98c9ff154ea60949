// The import boundaries of eslint.config.js: every folder of src-main has its place in the layers
// table, the rule refuses what the table forbids, and no module of src-main imports itself through
// others (an import cycle).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../src-main/paths';

const root = findAppRoot();
const srcMain = path.join(root, 'src-main');
// Imported by URL: the config is plain JavaScript with no types of its own.
const { hostFiles, hosts, layers } = (await import(pathToFileURL(path.join(root, 'eslint.config.js')).href)) as {
  layers: Record<string, { imports: string[]; node: boolean }>;
  hosts: string[];
  hostFiles: string[];
};

const eslint = new ESLint({ cwd: root });

async function restrictions(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('the layers table', () => {
  it('places every folder and every file of src-main', () => {
    const entries = readdirSync(srcMain);
    const folders = entries.filter((name) => statSync(path.join(srcMain, name)).isDirectory());
    const files = entries.filter((name) => name.endsWith('.ts')).map((name) => name.replace(/\.ts$/, ''));
    expect(folders.filter((folder) => !(folder in layers) && !hosts.includes(folder))).toEqual([]);
    expect(files.filter((file) => !hostFiles.includes(file))).toEqual([]);
  });

  it('lets core import nothing else of src-main, db only core, and no lower layer the api', () => {
    expect(layers.core).toEqual({ imports: [], node: false });
    expect(layers.db!.imports).toEqual(['core']);
    for (const lower of ['guides', 'reports', 'transfer']) expect(layers[lower]!.imports).not.toContain('api');
    for (const layer of Object.values(layers)) expect(layer.imports.some((folder) => hosts.includes(folder))).toBe(false);
  });
});

describe('the boundary rule', () => {
  it.each([
    ['src-main/core/x.ts', "import { openDatabase } from '../db/database';"],
    ['src-main/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src-main/core/x.ts', "import { readFileSync } from 'fs';"],
    ['src-main/core/charts/x.ts', "import type { ApiContext } from '../../api/context';"],
    ['src-main/db/x.ts', "import { loadAppGuides } from '../guides/app-guides';"],
    ['src-main/db/x.ts', "import { findAppRoot } from '../paths';"],
    ['src-main/guides/x.ts', "import { contract } from '../api/contract';"],
    ['src-main/reports/blocks/x.ts', "import type { ApiContext } from '../../api/context';"],
    ['src-main/transfer/x.ts', "import { toErrorIssues } from '../api/registry';"],
    ['src-main/api/x.ts', "import { startBrowserServer } from '../server/http-server';"],
    ['src-renderer/features/x/y.ts', "import { contract } from '../../../src-main/api/contract';"],
    ['src-renderer/features/x/y.ts', "import { openDatabase } from '../../../src-main/db/database';"],
    ['src-renderer/features/x/y.ts', "import { readFileSync } from 'node:fs';"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restrictions(file, `${code}\nexport const used = [${code.match(/\{ (?:type )?(\w+)/)![1]}];`)).toHaveLength(1);
  });

  it.each([
    ['src-main/db/x.ts', "import { AppError } from '../core/errors';"],
    ['src-main/transfer/x.ts', "import { parseGuide } from '../guides/parse-guide';"],
    ['src-main/api/x.ts', "import { openDataStore } from '../db/data-store';"],
    ['src-main/cli/x.ts', "import { startBrowserServer } from '../server/http-server';"],
    ['src-renderer/features/x/y.ts', "import type { MethodName } from '../../../src-main/api/contract';"],
    ['src-renderer/features/x/y.ts', "import { riskLevel } from '../../../src-main/core/risk-matrix';"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictions(file, `${code}\nexport const used = [${code.match(/\{ (?:type )?(\w+)/)![1]}];`)).toEqual([]);
  });
});

/** Every module of src-main (by its path from src-main) and the modules it imports, statically or
 * with import(), types included: a cycle of types still ties the layers together. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) visit(file);
      else if (name.endsWith('.ts')) graph.set(path.relative(srcMain, file), importsOf(file));
    }
  };
  visit(srcMain);
  return graph;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^(?:import|export)\s[^;]*?\sfrom\s+|import\(\s*)'(\.[^']+)'/gm)].map((m) => m[1]!);
  return specifiers.map((specifier) => {
    const target = path.resolve(path.dirname(file), specifier);
    return path.relative(srcMain, existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts'));
  });
}

/** The import cycles of a graph, each as its modules in import order, the first repeated at the end;
 * each cycle once, starting at its alphabetically first module. */
function findCycles(graph: Map<string, string[]>): string[] {
  const cycles = new Set<string>();
  const done = new Set<string>();
  const walk = (module: string, trail: string[]) => {
    const at = trail.indexOf(module);
    if (at !== -1) {
      const cycle = trail.slice(at);
      const first = cycle.indexOf([...cycle].sort()[0]!);
      cycles.add([...cycle.slice(first), ...cycle.slice(0, first), cycle[first]].join(' → '));
      return;
    }
    if (done.has(module)) return;
    for (const next of graph.get(module) ?? []) walk(next, [...trail, module]);
    done.add(module);
  };
  for (const module of [...graph.keys()].sort()) walk(module, []);
  return [...cycles].sort();
}

describe('import cycles', () => {
  it('are found, however long', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ]);
    expect(findCycles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts', 'd.ts → d.ts']);
  });

  it('reads the imports of a module: static, type-only, re-exports and import()', () => {
    const imports = importGraph();
    expect(imports.get('api/handler-groups.ts')).toContain('api/handlers/clients.ts');
    expect(imports.get('core/survey-mapping.ts')).toContain('core/survey-dates.ts');
    expect(imports.get('db/database.ts')).toContain('db/backup.ts');
  });

  it('are none in src-main (db/database ↔ db/backup and reports/blocks formal ↔ risk were the last)', () => {
    expect(findCycles(importGraph())).toEqual([]);
  });
});
