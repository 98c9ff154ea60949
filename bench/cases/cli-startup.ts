// Whole-process start-up of the CLI: `kartlegg help` and `kartlegg clients list`, each a new Node
// process timed from spawn to exit, as a user at a terminal sees it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findAppRoot } from '../../src-main/paths';
import { median, type Measurement } from '../measure';
import type { BenchOptions } from './core';
import { ensureBuilt } from './ui';

const cli = path.join(findAppRoot(), 'bin', 'kartlegg.js');

function timeProcess(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - start;
}

const timeCli = (args: string[]) => timeProcess([cli, ...args]);

/** A data folder with the demo in it, opened once so that the day's first backup is already taken
 * (that backup is a once-a-day cost, not start-up). */
function demoDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-bench-cli-'));
  execFileSync(process.execPath, [cli, 'demo', '--data-dir', dir], { stdio: 'ignore' });
  timeCli(['clients', 'list', '--data-dir', dir]);
  return dir;
}

export async function cliStartupBench(options: BenchOptions): Promise<Measurement[]> {
  ensureBuilt();
  const target = { limit: 250, atMost: true };
  const warmRuns = options.quick ? 2 : 10;
  const demo = demoDataDir();
  const copies: string[] = [];
  try {
    // Cold: the first process after the build output and the data folder were written (the OS file
    // cache may hold them; nothing else is warm). For `clients list`, the first run on each of
    // several fresh copies of the data folder.
    const helpCold = timeCli(['help']);
    const listCold = Array.from({ length: options.quick ? 1 : 5 }, () => {
      const copy = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-bench-cli-'));
      copies.push(copy);
      cpSync(demo, copy, { recursive: true });
      return timeCli(['clients', 'list', '--data-dir', copy]);
    });
    // Warm: the same command again and again, each still a new process.
    const helpWarm = Array.from({ length: warmRuns }, () => timeCli(['help']));
    const listWarm = Array.from({ length: warmRuns }, () => timeCli(['clients', 'list', '--data-dir', demo]));
    // The floor on this machine at this moment: Node starting and exiting with nothing to do.
    const nodeAlone = Array.from({ length: warmRuns }, () => timeProcess(['-e', '']));
    return [
      { name: 'Node alone (`node -e ""`), whole process', start: 'warm', detail: `the floor under both, median of ${warmRuns}`, value: median(nodeAlone), unit: 'ms' },
      { name: 'CLI `kartlegg help`, whole process', start: 'cold', detail: 'first run after the build', value: helpCold, unit: 'ms', target },
      { name: 'CLI `kartlegg help`, whole process', start: 'warm', detail: `median of ${warmRuns}`, value: median(helpWarm), unit: 'ms', target },
      {
        name: 'CLI `kartlegg clients list`, whole process',
        start: 'cold',
        detail: `demo data, first run on a fresh copy of the folder, median of ${listCold.length}`,
        value: median(listCold),
        unit: 'ms',
        target,
      },
      { name: 'CLI `kartlegg clients list`, whole process', start: 'warm', detail: `demo data, median of ${warmRuns}`, value: median(listWarm), unit: 'ms', target },
    ];
  } finally {
    for (const dir of [demo, ...copies]) rmSync(dir, { recursive: true, force: true });
  }
}
