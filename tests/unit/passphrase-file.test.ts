// --data-passphrase-file: a small regular file, read with limits; one BOM and one line ending stripped.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxPassphraseFileBytes, readPassphrase } from '../../src-main/cli/passphrase-file';

let dir: string;
let warnings: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-passphrase-'));
  warnings = [];
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(content: string | Buffer, mode = 0o600): string {
  const name = path.join(dir, 'passphrase.txt');
  writeFileSync(name, content);
  chmodSync(name, mode);
  return name;
}

const read = (name: string) => readPassphrase(name, (message) => warnings.push(message));

describe('readPassphrase', () => {
  it.each([
    ['no line ending', 'lang nok passordfrase', 'lang nok passordfrase'],
    ['\\n', 'lang nok passordfrase\n', 'lang nok passordfrase'],
    ['\\r\\n (Notepad)', 'lang nok passordfrase\r\n', 'lang nok passordfrase'],
    ['\\r', 'lang nok passordfrase\r', 'lang nok passordfrase'],
    ['a BOM and \\r\\n', '\uFEFFlang nok passordfrase\r\n', 'lang nok passordfrase'],
    ['only one of two line endings', 'lang nok passordfrase\n\n', 'lang nok passordfrase\n'],
    ['only one of two BOMs', '\uFEFF\uFEFFlang nok', '\uFEFFlang nok'],
    ['spaces kept', '  med mellomrom  \n', '  med mellomrom  '],
  ])('strips consistently: %s', (_what, content, expected) => {
    expect(read(file(content))).toBe(expected);
    expect(warnings).toEqual([]);
  });

  it('gives undefined when no file was named', () => {
    expect(readPassphrase(undefined)).toBeUndefined();
  });

  it.skipIf(process.platform === 'win32')('warns when other accounts can read the file, and still reads it', () => {
    expect(read(file('lang nok passordfrase\n', 0o644))).toBe('lang nok passordfrase');
    expect(warnings).toEqual([expect.stringContaining('chmod 600')]);
  });

  it('refuses a file larger than the cap, an empty one, and one that is not UTF-8', () => {
    expect(() => read(file('x'.repeat(maxPassphraseFileBytes + 1)))).toThrow(/larger than 4096 bytes/);
    expect(() => read(file('\n'))).toThrow(/is empty/);
    expect(() => read(file(Buffer.from([0x66, 0xff, 0xfe, 0x0a])))).toThrow(/not UTF-8/);
    expect(() => read(path.join(dir, 'missing.txt'))).toThrow(/cannot be read \(ENOENT\)/);
  });

  it('refuses a folder and a device without reading them', () => {
    expect(() => read(dir)).toThrow(/not a regular file/);
    if (process.platform !== 'win32') expect(() => read('/dev/zero')).toThrow(/not a regular file/);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer', () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(() => read(fifo)).toThrow(/not a regular file/);
  });
});
