// Flushes a file (and, where the platform allows, its folder) to disk before a rename makes it count.
import { closeSync, fsyncSync, openSync } from 'node:fs';
import path from 'node:path';

export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** So that a rename survives a power cut. Windows cannot open folders for syncing; there it is skipped. */
export function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(path.resolve(dir), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
