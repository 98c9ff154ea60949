// Screens get and change data one way: useApiQuery / useApiLoad / useApiMutation / useApiAction (or a
// feature's one store registered with the query client). This scan fails when a screen calls the API
// client, a transport or the bridge itself, with its own busy state, error and stale-answer handling.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../src-main/paths';

const root = findAppRoot();
const scanned = ['src-renderer/features', 'src-renderer/components'];

/** What only lib/api may do: each pattern names the way around the hooks it catches. */
const directAccess: { name: string; pattern: RegExp }[] = [
  // `import { api } from '…/lib/api/client'` (a type-only import, or ApiError alone, is fine).
  { name: 'imports the API client', pattern: /import\s*\{[^}]*\bapi\b[^}]*\}\s*from\s*'[^']*lib\/api\/client'/ },
  { name: 'makes its own API client', pattern: /\bcreateApiClient\b/ },
  { name: 'uses the query client itself', pattern: /import\s*\{[^}]*\bqueryClient\b[^}]*\}\s*from\s*'[^']*lib\/api\/use-api'/ },
  { name: 'imports a transport', pattern: /from\s*'[^']*lib\/api\/(?:http|ipc)-transport'/ },
  { name: 'calls the bridge', pattern: /\bwindow\.kartlegg\b|\bipcBridge\b|\.invoke\(/ },
  { name: 'fetches the HTTP API', pattern: /\bfetch\(\s*[`'"]\/api\// },
];

/** Files that still reach the client directly, each with why. Remove an entry when its file moves to the hooks. */
const allowed: Record<string, string> = {
  // The interview screen's store and its write queue: converted by the h-render branch (issue 18, the
  // interview screen and the app shell); remove this entry when that branch lands.
  'src-renderer/features/interview/interview-store.ts': 'interview screen, converted on the h-render branch',
  // The risk area's one store (three tabs share it); it registers with the query client, so mutations reload it.
  'src-renderer/features/risk/risk-store.ts': "the risk feature's store, registered with the query client",
  // The app-wide settings: loaded once at start-up (app/start.tsx) and read synchronously by many screens.
  'src-renderer/features/settings/settings-store.ts': 'the app-wide settings store, loaded at start-up',
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function findings(code: string): string[] {
  return directAccess.filter(({ pattern }) => pattern.test(code)).map(({ name }) => name);
}

const files = scanned.flatMap((folder) => sourceFiles(path.join(root, folder))).map((file) => path.relative(root, file).split(path.sep).join('/'));

describe('screens get their data through the hooks', () => {
  it('scans the screens', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('src-renderer/features/reports/IssueDialog.tsx');
  });

  it('no screen or component calls the API client, a transport or the bridge directly', () => {
    const offenders = files
      .filter((file) => !(file in allowed))
      .map((file) => ({ file, found: findings(readFileSync(path.join(root, file), 'utf8')) }))
      .filter(({ found }) => found.length > 0);
    expect(offenders).toEqual([]);
  });

  it('allows only files that still need it, so a converted file leaves the list', () => {
    for (const file of Object.keys(allowed)) {
      expect(files, file).toContain(file);
      expect(findings(readFileSync(path.join(root, file), 'utf8')), file).not.toEqual([]);
    }
  });

  it.each([
    ["import { api } from '../../lib/api/client';", 'imports the API client'],
    ["import { api, ApiError } from '../../lib/api/client';", 'imports the API client'],
    ["import { queryClient } from '../../lib/api/use-api';", 'uses the query client itself'],
    ["import { createHttpTransport } from '../../lib/api/http-transport';", 'imports a transport'],
    ["await window.kartlegg.invoke('backups.create', {});", 'calls the bridge'],
    ["await fetch('/api/backups.create', { method: 'POST' });", 'fetches the HTTP API'],
  ])('catches %s', (code, name) => {
    expect(findings(code)).toContain(name);
  });

  it.each([
    "import { ApiError } from '../../lib/api/client';",
    "import type { ApiCaller } from '../../lib/api/query-core';",
    "import { useApiAction, useApiMutation } from '../../lib/api/use-api';",
    "const file = await client.call('surveys.template', input);",
  ])('lets through %s', (code) => {
    expect(findings(code)).toEqual([]);
  });
});
