// Runs one heavy benchmark case in a fresh process, so its peak memory is its own; prints JSON.
import { readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { guideSchema } from '../src-main/core/guide';
import { findAppRoot } from '../src-main/paths';
import { benchDataDir, call } from './cases/core';
import { formalReportDocument } from './cases/reports';
import { assessmentWithRespondents, importSurvey, packageExportImport, packageRoundTrip, surveyCsv } from './cases/transfer';
import { scryptSync } from 'node:crypto';
import { defaultScryptParameters } from '../src-main/core/encryption';
import { buildReportDocument } from '../src-main/reports/build-document';
import { renderDocx } from '../src-main/reports/docx/render-docx';
import { loadReportFonts, reportFontDir } from '../src-main/reports/fonts';
import { renderPdf } from '../src-main/reports/pdf/render-pdf';
import { median } from './measure';
import { openApiRuntime } from '../src-main/api/runtime';

const [caseName, sizeText, runsText] = process.argv.slice(2);
const size = Number(sizeText);
const runs = Number(runsText ?? 3);
const appRoot = findAppRoot();
const guide = guideSchema.parse(JSON.parse(readFileSync(`${appRoot}/templates/interviews/psychosocial-cleaning.json`, 'utf8')));

async function timed(work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

async function run(): Promise<number[]> {
  switch (caseName) {
    case 'survey-import': {
      const csv = surveyCsv(guide, size);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const dataDir = benchDataDir();
        const runtime = await openApiRuntime({ dataDir, appRoot });
        const client = (await call(runtime, 'clients.create', { name: 'Benk AS' })) as { id: string };
        const start = performance.now();
        await importSurvey(runtime, guide, csv, { kind: 'new', clientId: client.id });
        times.push(performance.now() - start);
        await runtime.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
      return times;
    }
    case 'package-roundtrip': {
      const prepared = await assessmentWithRespondents(guide, size);
      try {
        return await timed(() => packageRoundTrip(prepared, 'riktig hest batteri stift'));
      } finally {
        await prepared.close();
      }
    }
    case 'package-calls': {
      // The receiving data folder is opened before the clock starts: only export and import are timed.
      const prepared = await assessmentWithRespondents(guide, size);
      try {
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const target = benchDataDir();
          const receiver = await openApiRuntime({ dataDir: target, appRoot });
          const start = performance.now();
          await packageExportImport(prepared, receiver, 'riktig hest batteri stift');
          times.push(performance.now() - start);
          await receiver.close();
          rmSync(target, { recursive: true, force: true });
        }
        return times;
      } finally {
        await prepared.close();
      }
    }
    case 'scrypt': {
      const { N, r, p } = defaultScryptParameters;
      return timed(async () => scryptSync('riktig hest batteri stift', Buffer.alloc(16, 1), 64, { N, r, p, maxmem: 512 * 1024 * 1024 }));
    }
    case 'report': {
      // The formal report to DOCX and PDF in one process, as the app does when exporting both.
      const { template, data } = formalReportDocument(size);
      const fontDir = reportFontDir(appRoot);
      return timed(async () => {
        const document = buildReportDocument(template, data);
        await renderDocx(document, { fontDir });
        await renderPdf(document, loadReportFonts(fontDir));
      });
    }
    default:
      throw new Error(`unknown benchmark case ${caseName}`);
  }
}

const times = await run();
console.log(JSON.stringify({ ms: median(times), times, peakMB: process.resourceUsage().maxRSS / 1024 }));
