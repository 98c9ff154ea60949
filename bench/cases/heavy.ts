// The heavy benchmarks, each in a fresh process so that its peak memory is measured on its own.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, type Measurement } from '../measure';
import type { BenchOptions } from './core';

const child = fileURLToPath(new URL('../child.ts', import.meta.url));

interface ChildResult {
  ms: number;
  peakMB: number;
}

function runChild(caseName: string, size: number, runs: number): ChildResult {
  const output = execFileSync(process.execPath, ['--import', 'tsx', child, caseName, String(size), String(runs)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').pop()!) as ChildResult;
}

/** One run per process, so each peak is that run's own and not garbage left by the one before;
 * the time is the median, the memory the highest peak. */
function runChildren(caseName: string, size: number, processes: number): ChildResult {
  const results = Array.from({ length: processes }, () => runChild(caseName, size, 1));
  return { ms: median(results.map((r) => r.ms)), peakMB: Math.max(...results.map((r) => r.peakMB)) };
}

export async function surveyImportBench(options: BenchOptions): Promise<Measurement[]> {
  const sizes = options.quick ? [200] : [10_000, 2_000];
  return sizes.flatMap((rows) => {
    const result = runChildren('survey-import', rows, options.quick ? 1 : 3);
    const big = rows === 10_000;
    const detail = `${rows.toLocaleString('en')} rows × 60 items, CSV`;
    return [
      { name: 'Survey import: preview and import', detail, start: 'first', value: result.ms, unit: 'ms', target: big ? { limit: 3000, atMost: true } : undefined },
      { name: 'Survey import: peak memory of the process', detail, start: 'first', value: result.peakMB, unit: 'MB', target: big ? { limit: 300, atMost: true } : undefined },
    ] satisfies Measurement[];
  });
}

export async function packageBench(options: BenchOptions): Promise<Measurement[]> {
  const sizes = options.quick ? [20] : [200, 1_000];
  return sizes.map((respondents) => {
    const result = runChild('package-roundtrip', respondents, options.quick ? 1 : 5);
    return {
      name: 'Package export + import, encrypted (scrypt N=2^17, AES-256-GCM)',
      detail: `${respondents.toLocaleString('en')} respondents, creating and opening the receiving data folder included`,
      start: 'warm',
      value: result.ms,
      unit: 'ms',
    } satisfies Measurement;
  });
}

/** What the package round trip is made of: the calls alone, and one key derivation. */
export async function packagePartsBench(options: BenchOptions): Promise<Measurement[]> {
  const respondents = options.quick ? 20 : 200;
  const calls = runChild('package-calls', respondents, options.quick ? 1 : 5);
  const scrypt = runChild('scrypt', 0, options.quick ? 1 : 5);
  return [
    {
      name: 'Package export + import, encrypted, into a data folder already open',
      detail: `${respondents.toLocaleString('en')} respondents; creating the receiving folder is not timed`,
      start: 'warm',
      value: calls.ms,
      unit: 'ms',
      target: options.quick ? undefined : { limit: 1000, atMost: true },
    },
    { name: 'One scrypt key derivation (N=2^17, r=8, p=1)', detail: 'an encrypted round trip needs two', start: 'warm', value: scrypt.ms, unit: 'ms' },
  ];
}

export async function reportMemoryBench(options: BenchOptions): Promise<Measurement[]> {
  const respondents = options.quick ? 20 : 200;
  const result = runChildren('report', respondents, options.quick ? 1 : 3);
  return [
    {
      name: 'Report: DOCX and PDF of the formal report, peak memory of the process',
      detail: `${respondents} respondents, 25 findings, 40 measures`,
      start: 'first',
      value: result.peakMB,
      unit: 'MB',
      target: options.quick ? undefined : { limit: 400, atMost: true },
    },
  ];
}
