// The team server password store: encrypted with (a fake of) Electron's safeStorage, never written in
// the clear, refused when the key store is unavailable; the CLI's store is read only. And the TLS
// options: the certificate is always verified, by CA and host name unless verify-ca says CA only.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tlsOptions } from '../../src-main/team/connection';
import { fixedCredentials, safeStorageCredentials, type SafeStorageLike } from '../../src-main/team/credentials';
import { makeTempDir, removeTempDir } from '../integration/fixtures/data-folder';

/** Reversible but not readable: every byte flipped, marked so a plain string would not decrypt. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.concat([Buffer.from('FAKE'), Buffer.from(plain, 'utf8').map((b) => b ^ 0xff)]),
    decryptString: (encrypted) => {
      if (encrypted.subarray(0, 4).toString() !== 'FAKE') throw new Error('not encrypted by this key store');
      return Buffer.from(encrypted.subarray(4).map((b) => b ^ 0xff)).toString('utf8');
    },
  };
}

let dir: string;
afterEach(() => removeTempDir(dir));

describe('team server credentials', () => {
  it('keeps one password per role, encrypted, and forgets it again', () => {
    dir = makeTempDir();
    const store = safeStorageCredentials(fakeSafeStorage(), dir);
    expect(store.read('kari')).toBeUndefined();
    store.save('kari', 'hemmelig-passord-æøå');
    store.save('ola', 'annet');
    expect(store.read('kari')).toBe('hemmelig-passord-æøå');
    expect(safeStorageCredentials(fakeSafeStorage(), dir).read('ola')).toBe('annet');
    const file = path.join(dir, 'team-server-credentials.json');
    expect(readFileSync(file, 'utf8')).not.toContain('hemmelig');
    store.forget('kari');
    expect(store.read('kari')).toBeUndefined();
    store.forget('ola');
    expect(existsSync(file)).toBe(false);
  });

  it('refuses to save or read when the key store is unavailable, rather than keep the password in the clear', () => {
    dir = makeTempDir();
    expect(() => safeStorageCredentials(fakeSafeStorage(false), dir).save('kari', 'x')).toThrow(/key store is not available/);
    safeStorageCredentials(fakeSafeStorage(), dir).save('kari', 'x');
    expect(() => safeStorageCredentials(fakeSafeStorage(false), dir).read('kari')).toThrow(/key store is not available/);
  });

  it("the command line's store only reads the password file's passphrase", () => {
    dir = makeTempDir();
    const store = fixedCredentials('fra-fil');
    expect(store.read('anyone')).toBe('fra-fil');
    expect(store.canSave).toBe(false);
    expect(() => store.save('kari', 'x')).toThrow(/--password-file/);
  });
});

describe('team server TLS options', () => {
  it('always verifies the certificate; verify-ca skips only the host name check', () => {
    dir = makeTempDir();
    const full = tlsOptions({ caPem: 'PEM', sslMode: 'verify-full' });
    expect(full).toEqual({ ca: 'PEM', rejectUnauthorized: true });
    const caOnly = tlsOptions({ caPem: null, sslMode: 'verify-ca' });
    expect(caOnly.rejectUnauthorized).toBe(true);
    expect(caOnly.ca).toBeUndefined();
    expect(caOnly.checkServerIdentity?.()).toBeUndefined();
  });
});
