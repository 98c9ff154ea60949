// `kartlegg export` and `kartlegg import`: assessment packages from and to files, through the API.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import type { AssessmentChoice, PackagePreview } from '../../core/transfer-preview';
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';
import { readPassphrase } from '../passphrase-file';

const conflictChoices: Record<string, AssessmentChoice> = { 'keep-mine': 'keepMine', 'take-theirs': 'takeTheirs', 'keep-both': 'keepBoth' };

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export <assessment-id>... --out F [--passphrase-file P]',
  summary: 'Write assessments as a package file, encrypted when a passphrase file is given',
  options: { out: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  async run({ dataDir, values, args }) {
    if (args.length === 0) throw new AppError('bad_request', 'Name at least one assessment id (see "kartlegg assessments list").');
    if (typeof values.out !== 'string') throw new AppError('bad_request', 'Say where to write the package with --out FILE.');
    const passphrase = readPassphrase(values['passphrase-file']);
    const file = await withRuntime(dataDir, (runtime) => call(runtime, 'transfer.exportPackage', { assessmentIds: args, passphrase }));
    const out = path.resolve(values.out);
    // Written aside and renamed, so a full disk never leaves half a package under the real name.
    const partial = `${out}.partial`;
    try {
      writeFileSync(partial, Buffer.from(file.contentBase64, 'base64'));
      renameSync(partial, out);
    } finally {
      rmSync(partial, { force: true });
    }
    console.log(`Wrote ${out} (${file.bytes} bytes, ${passphrase ? 'encrypted' : 'not encrypted'}, SHA-256 ${file.sha256}).`);
  },
};

function describe(preview: PackagePreview): string[] {
  const lines = [`Package format ${preview.formatVersion}${preview.upgraded ? ' (older, upgraded)' : ''}, made ${preview.createdAt} by ${preview.createdBy.app} ${preview.createdBy.version}.`];
  for (const guide of preview.guides) lines.push(`  guide ${guide.id} ${guide.version}: ${guide.status === 'install' ? 'will be installed' : 'installed'}`);
  for (const client of preview.clients) lines.push(`  client ${client.name}: ${client.status}${client.differences.length ? ` (${client.differences.join(', ')})` : ''}`);
  for (const assessment of preview.assessments) {
    const differs = [...assessment.differentFields, ...assessment.differentSections.filter((s) => s !== 'assessment')];
    lines.push(`  assessment ${assessment.incoming.title} [${assessment.id}]: ${assessment.status}${differs.length ? ` (differs: ${differs.join(', ')})` : ''}`);
  }
  for (const title of preview.priorDropped) lines.push(`  note: the prior assessment of "${title}" is neither in the package nor here; the link is dropped`);
  return lines;
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <file> [--passphrase-file P] [--dry-run] [--on-conflict C] [--install-guides]',
  summary: 'Import a package after a backup; --dry-run shows what would change (C: keep-mine, take-theirs or keep-both)',
  options: {
    'passphrase-file': { type: 'string' },
    'dry-run': { type: 'boolean' },
    'on-conflict': { type: 'string' },
    'install-guides': { type: 'boolean' },
  },
  async run({ dataDir, values, args }) {
    if (args.length !== 1) throw new AppError('bad_request', 'Name the package file to import.');
    const onConflict = values['on-conflict'];
    if (onConflict !== undefined && (typeof onConflict !== 'string' || !(onConflict in conflictChoices))) {
      throw new AppError('bad_request', '--on-conflict takes keep-mine, take-theirs or keep-both.');
    }
    const passphrase = readPassphrase(values['passphrase-file']);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.resolve(args[0]));
    } catch (error) {
      throw new AppError('not_found', `Cannot read ${args[0]} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    const upload = { fileName: path.basename(args[0]), contentBase64: bytes.toString('base64'), passphrase };
    await withRuntime(dataDir, async (runtime) => {
      const preview = await call(runtime, 'transfer.previewPackage', upload);
      for (const line of describe(preview)) console.log(line);
      if (values['dry-run']) {
        console.log(preview.hasChanges ? 'Dry run: nothing was imported.' : 'Everything in the package is already here.');
        return;
      }
      const choice = typeof onConflict === 'string' ? conflictChoices[onConflict] : undefined;
      const conflicts = preview.assessments.filter((a) => a.status === 'conflict');
      const clientConflicts = preview.clients.filter((c) => c.status === 'conflict');
      if ((conflicts.length || clientConflicts.length) && !choice) {
        throw new AppError('conflict', `${conflicts.length + clientConflicts.length} conflict(s): choose --on-conflict keep-mine, take-theirs or keep-both. Nothing was imported.`);
      }
      const result = await call(runtime, 'transfer.importPackage', {
        ...upload,
        expectedSha256: preview.sha256,
        installGuides: values['install-guides'] === true,
        assessmentChoices: Object.fromEntries(conflicts.map((a) => [a.id, choice!])),
        // Clients have no "keep both": keep both keeps the client here as it is.
        clientChoices: Object.fromEntries(clientConflicts.map((c) => [c.id, choice === 'takeTheirs' ? 'takeTheirs' : 'keepMine'])),
      });
      if (!result.changed) {
        console.log('Nothing changed: everything in the package is already here.');
        return;
      }
      console.log(
        `Imported: ${result.added} added, ${result.replaced} replaced, ${result.copied} kept as copies, ${result.unchanged} unchanged, ${result.keptMine} kept as they were here.`,
      );
      if (result.installedGuides.length) console.log(`Installed guides: ${result.installedGuides.join(', ')}`);
      console.log(`Backup taken before the import: ${result.backup}`);
    });
  },
};
