// Timing helpers for the benchmarks: repeated runs, medians and percentiles, peak memory.
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  /** The value compared with the target, in ms (or MB for memory rows). */
  value: number;
  unit: 'ms' | 'MB' | '×';
  /** warm: repeated in a process that has done it before; first: the first time in a process whose
   * modules are loaded; cold: a new process, timed whole from spawn to exit. */
  start: 'warm' | 'first' | 'cold';
  target?: { limit: number; atMost: boolean };
  detail?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function timeRuns(runs: number, work: () => unknown | Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

export function passes(m: Measurement): boolean | undefined {
  if (!m.target) return undefined;
  return m.target.atMost ? m.value <= m.target.limit : m.value >= m.target.limit;
}

export function formatTable(rows: Measurement[]): string {
  const lines = ['| measurement | start | result | target | ok |', '| --- | :---: | ---: | ---: | :---: |'];
  for (const row of rows) {
    const value = row.unit === '×' ? `${row.value.toFixed(1)}×` : `${row.value.toFixed(row.value < 10 ? 2 : 0)} ${row.unit}`;
    const target = row.target ? `${row.target.atMost ? '≤' : '≥'} ${row.target.limit} ${row.unit === '×' ? '×' : row.unit}` : '';
    const ok = passes(row);
    lines.push(`| ${row.name}${row.detail ? ` (${row.detail})` : ''} | ${row.start} | ${value} | ${target} | ${ok === undefined ? '' : ok ? 'yes' : '**no**'} |`);
  }
  return lines.join('\n');
}
