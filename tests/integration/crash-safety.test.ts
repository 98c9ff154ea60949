// Crash safety: a process saving answers through the API is killed with SIGKILL at random moments, over
// and over; after every kill the database is sound and holds every answer whose call had returned.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openApiRuntime } from '../../src-main/api/runtime';
import { lockPath } from '../../src-main/db/data-lock';
import { findAppRoot } from '../../src-main/paths';
import { integrityCheck, makeTempDir, removeTempDir, withRawDb } from './fixtures/data-folder';
import { randomSource } from './fixtures/seeded-random';

const writer = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const appRoot = findAppRoot();
const roundsPerFolder = 25;
/** Two data folders are hammered side by side: 50 kills in all, in about half the time. */
const folderCount = 2;

interface Round {
  interviewId: string | null;
  /** The highest acknowledged sequence number per item. */
  acknowledged: Map<string, number>;
  acks: number;
  killedAfterMs: number;
}

const folders: string[] = [];

afterAll(() => {
  for (const dir of folders) removeTempDir(dir);
});

async function prepareFolder(): Promise<{ dataDir: string; assessmentId: string }> {
  const dataDir = makeTempDir();
  folders.push(dataDir);
  const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  try {
    const client = await runtime.call('clients.create', { name: 'Renhold Vest AS' });
    if (!client.ok) throw new Error(JSON.stringify(client.error));
    const assessment = await runtime.call('assessments.create', {
      clientId: (client.value as { id: string }).id,
      title: 'Kartlegging 2025',
      method: 'group',
      guideId: 'psychosocial-cleaning',
      guideVersion: '1.0.0',
    });
    if (!assessment.ok) throw new Error(JSON.stringify(assessment.error));
    return { dataDir, assessmentId: (assessment.value as { id: string }).id };
  } finally {
    await runtime.close();
  }
}

/**
 * One round: start the writer and SIGKILL it. Mostly after a random number of acknowledged writes
 * plus a random few milliseconds (mid-transaction, mid-fsync); sometimes at a random time after
 * start, which can land while it opens the database, takes the lock or makes the start-of-day backup.
 */
function runRound(dataDir: string, assessmentId: string, random: () => number): Promise<Round> {
  const round: Round = { interviewId: null, acknowledged: new Map(), acks: 0, killedAfterMs: 0 };
  const killDuringStart = random() < 0.2;
  const killAfterAcks = 1 + Math.floor(random() * 150);
  const extraDelayMs = Math.floor(random() * 4);
  const startDelayMs = Math.floor(random() * 700);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, assessmentId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let pending = '';
    let killScheduled = false;
    const kill = () => {
      round.killedAfterMs = Date.now() - started;
      child.kill('SIGKILL');
    };
    if (killDuringStart) {
      killScheduled = true;
      setTimeout(kill, startDelayMs);
    }
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'interview') round.interviewId = a;
        if (kind === 'ack') {
          round.acknowledged.set(a, Number(b));
          round.acks++;
        }
      }
      if (!killScheduled && round.acks >= killAfterAcks) {
        killScheduled = true;
        setTimeout(kill, extraDelayMs);
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(round);
      else reject(new Error(`the writer ended by itself (code ${code}) before it was killed:\n${stderr}`));
    });
  });
}

function checkAfterKill(dataDir: string, round: Round): void {
  withRawDb(dataDir, (db) => {
    expect(integrityCheck(db)).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    if (round.interviewId === null) {
      expect(round.acks).toBe(0);
      return;
    }
    const rows = db.prepare('SELECT item_id, answer FROM answers WHERE interview_id = ?').all(round.interviewId) as {
      item_id: string;
      answer: string;
    }[];
    const stored = new Map(rows.map((row) => [row.item_id, JSON.parse(row.answer) as { value: number; participants: number }]));
    for (const [itemId, seq] of round.acknowledged) {
      const answer = stored.get(itemId);
      // A later write to the same item may have committed without its ack reaching us; never an older one.
      expect(answer, `acknowledged answer ${itemId} #${seq} is missing`).toBeDefined();
      expect(answer!.participants).toBeGreaterThanOrEqual(seq);
      expect(answer!.value).toBe((answer!.participants % 5) + 1);
    }
  });
}

describe('crash safety', () => {
  it(`keeps the database sound and every acknowledged answer through ${roundsPerFolder * folderCount} kills`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
    const random = randomSource(seed);
    const prepared = await Promise.all(Array.from({ length: folderCount }, () => prepareFolder()));
    let kills = 0;
    let acknowledged = 0;

    await Promise.all(
      prepared.map(async ({ dataDir, assessmentId }) => {
        for (let i = 0; i < roundsPerFolder; i++) {
          const round = await runRound(dataDir, assessmentId, random);
          try {
            checkAfterKill(dataDir, round);
          } catch (error) {
            throw new Error(`round ${i + 1} in ${dataDir} (CRASH_SEED=${seed}, killed after ${round.killedAfterMs} ms, ${round.acks} acks): ${String(error)}`);
          }
          kills++;
          acknowledged += round.acks;
        }
      }),
    );

    expect(kills).toBe(roundsPerFolder * folderCount);
    expect(acknowledged).toBeGreaterThan(0);
    // Kills leave their lock behind; each next start took it over, and so does the app now.
    for (const { dataDir } of prepared) {
      const runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
      try {
        await expect(runtime.call('system.verify', {})).resolves.toEqual({ ok: true, value: { integrity: 'ok', foreignKeyProblems: 0, ok: true } });
      } finally {
        await runtime.close();
      }
      expect(existsSync(lockPath(dataDir))).toBe(false);
    }
  }, 300_000);
});
