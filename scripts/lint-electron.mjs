// `npm run lint:electron`: Electronegativity over the main-process and renderer sources. Every finding
// must be justified in docs/security.md ("Electronegativity findings"); a new finding, or a
// justification whose finding is gone, fails the run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docs = path.join(root, 'docs', 'security.md');
const bin = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** The table rows under the "Electronegativity findings" heading: | CHECK | file | why |. */
function acceptedFindings() {
  const text = readFileSync(docs, 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith('Electronegativity findings'));
  if (!section) throw new Error(`${docs} has no "## Electronegativity findings" section`);
  return section
    .split('\n')
    .filter((line) => /^\|\s*`?[A-Z_]+`?\s*\|/.test(line))
    .map((line) => {
      const [check, file, why] = line.split('|').slice(1, 4).map((cell) => cell.trim().replace(/`/g, ''));
      return { check, file, why };
    });
}

// One folder holding both trees, so the global checks (navigation limits, permission handler) see
// the main process's handlers while the renderer is scanned too.
const staging = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-electronegativity-'));
try {
  for (const dir of ['src-main', 'src-renderer']) cpSync(path.join(root, dir), path.join(staging, dir), { recursive: true });
  // package.json is where the version checks read which Electron the app is built with.
  cpSync(path.join(root, 'package.json'), path.join(staging, 'package.json'));
  // SARIF, not CSV: this version's CSV writer garbles its first row.
  const report = path.join(staging, 'findings.sarif');
  const run = spawnSync(
    process.execPath,
    // Every check runs, the version check too: with the network it compares the pinned Electron with
    // the newest release of its line (a security fix we lack is a finding); offline it says so and
    // finds nothing, so the run still works on a machine without the network.
    [bin, '-i', staging, '-r', '-e', electronVersion, '-o', report],
    { encoding: 'utf8' },
  );
  if (run.status !== 0 || !existsSync(report)) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity failed (exit ${run.status})`);
  }
  if (/No connectivity/.test(run.stdout)) {
    console.log("Note: the version check could not fetch Electron's release list (no network); it checked nothing this run.");
  }
  const sarif = JSON.parse(readFileSync(report, 'utf8'));
  const findings = sarif.runs.flatMap((run) =>
    run.results.map((result) => {
      const where = result.locations?.[0]?.physicalLocation;
      return {
        check: result.ruleId,
        file: where?.artifactLocation?.uri ?? 'N/A',
        location: where?.region ? `${where.region.startLine}:${where.region.startColumn}` : '0:0',
        description: result.message?.text ?? '',
      };
    }),
  );
  const accepted = acceptedFindings();
  const matches = (a, f) => a.check === f.check && a.file === f.file;
  const unjustified = findings.filter((f) => !accepted.some((a) => matches(a, f)));
  const stale = accepted.filter((a) => !findings.some((f) => matches(a, f)));

  for (const f of findings) console.log(`${unjustified.includes(f) ? 'NEW     ' : 'justified'} ${f.check} ${f.file}:${f.location}`);
  for (const f of unjustified) console.error(`\nUnjustified finding ${f.check} in ${f.file}:${f.location}: ${f.description}`);
  for (const a of stale) console.error(`\ndocs/security.md justifies ${a.check} in ${a.file}, but Electronegativity no longer reports it: remove the row.`);
  if (unjustified.length || stale.length) {
    console.error('\nFix each new finding, or justify it in docs/security.md ("Electronegativity findings").');
    process.exitCode = 1;
  } else {
    console.log(`\nElectronegativity (Electron ${electronVersion}): ${findings.length} finding(s), each justified in docs/security.md.`);
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}
