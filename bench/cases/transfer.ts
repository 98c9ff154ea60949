// Benchmarks of survey import and of moving an assessment between machines as an encrypted package.
import { rmSync } from 'node:fs';
import { openApiRuntime, type ApiRuntime } from '../../src-main/api/runtime';
import type { Guide } from '../../src-main/core/guide';
import { findAppRoot } from '../../src-main/paths';
import { seededRandom } from '../synthetic';
import { benchDataDir, call } from './core';

const appRoot = findAppRoot();

/** A survey export as Norwegian Excel writes it: semicolons, one row per respondent, a group column. */
export function surveyCsv(guide: Guide, rows: number, items = 60): string {
  const random = seededRandom(7);
  const chosen = guide.items.slice(0, items);
  const lines = [['Gruppe', ...chosen.map((i) => i.id)].join(';')];
  for (let r = 0; r < rows; r++) {
    const cells = chosen.map(() => String(1 + Math.floor(random() * 5)));
    lines.push([`Avdeling ${(r % 20) + 1}`, ...cells].join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface PreparedAssessment {
  runtime: ApiRuntime;
  dataDir: string;
  assessmentId: string;
  close(): Promise<void>;
}

/** A data folder with one client and an assessment of `respondents` survey respondents. */
export async function assessmentWithRespondents(guide: Guide, respondents: number, items = 60): Promise<PreparedAssessment> {
  const dataDir = benchDataDir();
  const runtime = await openApiRuntime({ dataDir, appRoot });
  const client = (await call(runtime, 'clients.create', { name: 'Benk Renhold AS' })) as { id: string };
  const imported = (await importSurvey(runtime, guide, surveyCsv(guide, respondents, items), { kind: 'new', clientId: client.id })) as {
    assessmentId: string;
  };
  return {
    runtime,
    dataDir,
    assessmentId: imported.assessmentId,
    async close() {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function importSurvey(
  runtime: ApiRuntime,
  guide: Guide,
  csv: string,
  destination: { kind: 'new'; clientId: string },
): Promise<unknown> {
  const file = { fileName: 'undersokelse.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
  const preview = (await call(runtime, 'surveys.preview', { ...file, guide: { guideId: guide.id, guideVersion: guide.version } })) as {
    columns: { target: string }[];
  };
  return call(runtime, 'surveys.import', {
    ...file,
    targets: preview.columns.map((c) => c.target),
    destination: { ...destination, title: 'Spørreundersøkelse (benk)', guideId: guide.id, guideVersion: guide.version },
    defaultGroup: 'Alle',
  });
}

/** The two calls of a round trip: export from `prepared`, import into `receiver`. */
export async function packageExportImport(prepared: PreparedAssessment, receiver: ApiRuntime, passphrase: string): Promise<void> {
  const exported = (await call(prepared.runtime, 'transfer.exportPackage', { assessmentIds: [prepared.assessmentId], passphrase })) as {
    fileName: string;
    contentBase64: string;
  };
  await call(receiver, 'transfer.importPackage', { fileName: exported.fileName, contentBase64: exported.contentBase64, passphrase });
}

/** A round trip into a data folder created for it (creating and opening it is part of the time). */
export async function packageRoundTrip(prepared: PreparedAssessment, passphrase: string): Promise<void> {
  const target = benchDataDir();
  const receiver = await openApiRuntime({ dataDir: target, appRoot });
  try {
    await packageExportImport(prepared, receiver, passphrase);
  } finally {
    await receiver.close();
    rmSync(target, { recursive: true, force: true });
  }
}
