// The cut points on a factor's score are screening thresholds, not legal limit values: screens and
// reports call them "terskelverdier", never "grenseverdier" (which reads as a legal limit).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.join(__dirname, '..', '..');

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full, keep);
    return keep(name) ? [full] : [];
  });
}

it('no screen text, report label or template calls the thresholds "grenseverdier"', () => {
  const sources = [
    ...files(path.join(root, 'src-renderer'), (name) => /\.(ts|tsx)$/.test(name)),
    ...files(path.join(root, 'src-main', 'reports'), (name) => name.endsWith('.ts')),
    ...files(path.join(root, 'templates'), (name) => name.endsWith('.json')),
  ];
  // "grenseverdier i lovens forstand" is allowed: it says what the thresholds are not.
  const offending = sources.filter((file) => /grenseverdi(?!er i lovens forstand)/i.test(readFileSync(file, 'utf8')));
  expect(offending.map((file) => path.relative(root, file))).toEqual([]);
});

it('the nb labels for thresholds on screens and in reports say "Terskelverdier"', () => {
  for (const file of ['src-renderer/features/guides/messages.ts', 'src-renderer/features/results/messages.ts', 'src-main/reports/report-labels.ts']) {
    expect(readFileSync(path.join(root, file), 'utf8'), file).toContain("'Terskelverdier'");
  }
});
