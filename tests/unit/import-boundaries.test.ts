// The import boundaries of eslint.config.js: every folder of src-main has its place in the layers
// table, the rule refuses what the table forbids, and the database modules import each other in one
// direction only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** The modules of src-main/db and the db modules each imports (statically, types included). */
function dbImportGraph(): Map<string, string[]> {
  const dir = path.join(srcMain, 'db');
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'\.\/([\w-]+)'/gm)].map((m) => `${m[1]}.ts`);
    graph.set(file, targets);
  }
  return graph;
}

describe('src-main/db', () => {
  it('has no import cycle (database.ts and backup.ts no longer import each other)', () => {
    const graph = dbImportGraph();
    const cycles: string[] = [];
    const walk = (file: string, trail: string[]) => {
      if (trail.includes(file)) {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      for (const next of graph.get(file) ?? []) walk(next, [...trail, file]);
    };
    for (const file of graph.keys()) walk(file, []);
    expect(graph.get('database.ts')).toContain('backup.ts');
    expect(cycles).toEqual([]);
  });
});
