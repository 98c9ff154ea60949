// The single-writer lock on a data folder: one Kartlegg (app, serve or CLI command) at a time.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../core/errors';

export const lockFileName = 'kartlegg.lock';

/** What the lock file says about the Kartlegg that holds it. */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface DataLock {
  readonly file: string;
  release(): void;
}

export function lockPath(dataDir: string): string {
  return path.join(dataDir, lockFileName);
}

/** A lock file that cannot be read is only trusted while young: its writer may still be writing it. */
const unreadableLockGraceMs = 10_000;

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.hostname === 'string' && typeof value.startedAt === 'string') {
      return { pid: value.pid, hostname: value.hostname, startedAt: value.startedAt };
    }
  } catch {
    // fall through: unreadable
  }
  return null;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** When this computer last started: a lock older than that was left by a process that no longer runs,
 * even if a new process has since been given the same pid. */
function bootTime(): number {
  return Date.now() - os.uptime() * 1000;
}

type LockVerdict = { stale: true; why: string } | { stale: false; owner: LockOwner | null };

function judge(text: string, modifiedAt: number): LockVerdict {
  const owner = parseOwner(text);
  if (owner === null) {
    return Date.now() - modifiedAt > unreadableLockGraceMs ? { stale: true, why: 'unreadable' } : { stale: false, owner: null };
  }
  if (owner.hostname !== os.hostname()) return { stale: false, owner };
  if (owner.pid !== process.pid && !processIsAlive(owner.pid)) return { stale: true, why: `process ${owner.pid} has ended` };
  // Slack for clock adjustments: only a lock clearly older than this boot is judged by it.
  if (Date.parse(owner.startedAt) < bootTime() - 60_000) return { stale: true, why: 'left from before the computer restarted' };
  return { stale: false, owner };
}

function lockedError(dataDir: string, file: string, owner: LockOwner | null): AppError {
  const who =
    owner === null
      ? 'another Kartlegg that is starting'
      : owner.hostname === os.hostname()
        ? `another Kartlegg (process ${owner.pid}${owner.pid === process.pid ? ', this very process' : ''}, started ${owner.startedAt})`
        : `Kartlegg on the computer "${owner.hostname}" (process ${owner.pid}, started ${owner.startedAt})`;
  const remedy =
    owner !== null && owner.hostname !== os.hostname()
      ? `Close Kartlegg there. If that computer no longer runs it, delete ${file}.`
      : 'Close the other Kartlegg window, "kartlegg serve" or command, then try again.';
  return new AppError('database_locked', `The data folder ${dataDir} is in use by ${who}. ${remedy} Nothing was changed.`);
}

function tryCreate(file: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLock(file: string): { text: string; modifiedAt: number } | null {
  try {
    return { text: readFileSync(file, 'utf8'), modifiedAt: statSync(file).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Moves a stale lock out of the way. It is renamed (atomic) rather than deleted, and the renamed
 * file is compared with what was judged: if another Kartlegg replaced the stale lock in the
 * meantime, its fresh lock is put back and we count as locked out.
 */
function clearStaleLock(file: string, judgedText: string): boolean {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved !== judgedText) {
    try {
      renameSync(aside, file);
    } catch {
      // Nothing more can be done; the other Kartlegg still holds its lock in memory.
    }
    return false;
  }
  unlinkSync(aside);
  return true;
}

/** Takes the data folder's lock, or throws AppError('database_locked') naming who holds it. */
export function acquireDataLock(dataDir: string): DataLock {
  const file = lockPath(dataDir);
  const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  const ownText = JSON.stringify(owner);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, owner)) {
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          // Only our own lock is removed: a lock file someone replaced by hand is left alone.
          const current = readLock(file);
          if (current?.text === ownText) unlinkSync(file);
        },
      };
    }
    const existing = readLock(file);
    if (existing === null) continue;
    const verdict = judge(existing.text, existing.modifiedAt);
    if (!verdict.stale) throw lockedError(dataDir, file, verdict.owner);
    if (!clearStaleLock(file, existing.text)) throw lockedError(dataDir, file, parseOwner(readLock(file)?.text ?? ''));
  }
  throw lockedError(dataDir, file, parseOwner(readLock(file)?.text ?? ''));
}
