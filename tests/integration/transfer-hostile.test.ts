// Hostile and broken package files: each is refused with its own reason, and the database stays exactly as it
// was (a SHA-256 over a dump of every table); random byte damage to a valid package never gets further.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackupListing } from '../../src-main/core/backups';
import { dataChecksum, fails, fixture, ok, populate } from './fixtures/transfer-data';
import { useTempRuntime } from './fixtures/temp-runtime';

const app = useTempRuntime('all');

let backupCount: number;

beforeAll(async () => {
  await populate(app.runtime, app.dataDir);
  backupCount = (await ok<BackupListing[]>(app.runtime, 'backups.list', {})).length;
});

const upload = (name: string) => ({ fileName: name, contentBase64: readFileSync(fixture('packages', name)).toString('base64') });

/** Every refused file, with the reason it must be refused for. */
const hostile: [file: string, key: string, words: RegExp][] = [
  ['truncated.kartlegg', 'truncated', /cut short/],
  ['not-a-package.kartlegg', 'notAPackage', /not a Kartlegg package/],
  ['wrong-checksum.kartlegg', 'checksumMismatch', /clients\/1\.json does not match its SHA-256/],
  ['zip-bomb-entry.kartlegg', 'entryTooLarge', /would unpack to 104857600 bytes/],
  ['zip-bomb-lying.kartlegg', 'entryTooLarge', /unpacks to more than 67108864 bytes/],
  ['zip-bomb-total.kartlegg', 'contentTooLarge', /unpacks to more than 268435456 bytes in all/],
  ['too-many-entries.kartlegg', 'tooManyEntries', /5001 entries/],
  ['path-escape.kartlegg', 'unsafeEntryName', /"\.\.\/\.\.\/evil\.json": the name climbs out/],
  ['absolute-path.kartlegg', 'unsafeEntryName', /"\/etc\/cron\.d\/evil": the name is an absolute path/],
  ['unlisted-part.kartlegg', 'unlistedPart', /extra\/run-me\.sh/],
  ['missing-part.kartlegg', 'missingPart', /assessments\/1\.json/],
  ['huge-string.kartlegg', 'invalidPart', /client\.name: at most 400 characters/],
  ['wrong-types.kartlegg', 'invalidPart', /assessment\.minGroupSize/],
  ['duplicate-ids.kartlegg', 'duplicateId', /interview id 9c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f twice/],
  ['broken-reference.kartlegg', 'brokenReference', /refers to a finding that is not in its assessment/],
  ['missing-guide.kartlegg', 'guideMissing', /"ukjent-veileder" version 9\.9, which is not installed here and not in the package/],
  ['answer-not-in-guide.kartlegg', 'answerNotInGuide', /item "finnes-ikke\.1"/],
  ['answer-off-scale.kartlegg', 'answerNotInGuide', /the value 9 for item "workload\.1"/],
  ['newer-format.kartlegg', 'newerFormat', /newer version of Kartlegg \(package format 99/],
];

describe('hostile package files', () => {
  for (const [file, key, words] of hostile) {
    it(`${file} is refused (${key}) and nothing changes`, async () => {
      const checksum = dataChecksum(app.dataDir);
      for (const method of ['transfer.previewPackage', 'transfer.importPackage'] as const) {
        const error = await fails(app.runtime, method, method === 'transfer.importPackage' ? { ...upload(file), installGuides: true } : upload(file));
        expect(error.code).toBe('invalid_file');
        expect(error.issues?.[0].key).toBe(key);
        expect(error.message).toMatch(words);
      }
      expect(dataChecksum(app.dataDir)).toBe(checksum);
      expect((await ok<BackupListing[]>(app.runtime, 'backups.list', {})).length).toBe(backupCount);
    });
  }

  it('every fixture has a reason of its own', () => {
    expect(new Set(hostile.map(([, , words]) => words.source)).size).toBe(hostile.length);
  });

  it('an encrypted package says plainly when the passphrase is missing or wrong', async () => {
    const checksum = dataChecksum(app.dataDir);
    const missing = await fails(app.runtime, 'transfer.previewPackage', upload('encrypted.kartlegg'));
    expect(missing.issues?.[0].key).toBe('passphraseRequired');
    const wrong = await fails(app.runtime, 'transfer.importPackage', { ...upload('encrypted.kartlegg'), passphrase: 'feil passord' });
    expect(wrong.issues?.[0].key).toBe('passphraseWrong');
    expect(wrong.message).toMatch(/The passphrase is wrong/);
    const right = await ok<{ encrypted: boolean }>(app.runtime, 'transfer.previewPackage', { ...upload('encrypted.kartlegg'), passphrase: 'riktig passord for test' });
    expect(right.encrypted).toBe(true);
    expect(dataChecksum(app.dataDir)).toBe(checksum);
  });

  it('an encrypted package cut short or altered is refused as damaged, not as a wrong passphrase', async () => {
    const bytes = readFileSync(fixture('packages', 'encrypted.kartlegg'));
    const cut = await fails(app.runtime, 'transfer.previewPackage', {
      fileName: 'x.kartlegg',
      contentBase64: bytes.subarray(0, bytes.length - 100).toString('base64'),
      passphrase: 'riktig passord for test',
    });
    expect(cut.issues?.[0].key).toBe('truncated');
    const altered = Buffer.from(bytes);
    altered[altered.length - 40] ^= 0xff;
    const damaged = await fails(app.runtime, 'transfer.previewPackage', {
      fileName: 'x.kartlegg',
      contentBase64: altered.toString('base64'),
      passphrase: 'riktig passord for test',
    });
    expect(damaged.issues?.[0].key).toBe('encryptionDamaged');
  });

  it('random damage to a valid package is refused with a clear error or is harmless; never an internal error, never a change', async () => {
    const valid = readFileSync(fixture('packages', 'valid.kartlegg'));
    // The package is already in the database in its valid form, so importing an undamaged copy changes nothing either.
    await ok(app.runtime, 'transfer.importPackage', upload('valid.kartlegg'));
    const checksum = dataChecksum(app.dataDir);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: valid.length }), { nil: undefined }),
        async (flips, cut) => {
          const damaged = Buffer.from(valid);
          for (const [at, mask] of flips) damaged[at] ^= mask;
          const bytes = cut === undefined ? damaged : damaged.subarray(0, cut);
          const result = await app.runtime.call('transfer.importPackage', { fileName: 'beskadiget.kartlegg', contentBase64: bytes.toString('base64') });
          if (!result.ok) {
            expect(result.error.code).not.toBe('internal');
            expect(result.error.message.length).toBeGreaterThan(10);
          }
          expect(dataChecksum(app.dataDir)).toBe(checksum);
        },
      ),
      { numRuns: 150 },
    );
  });
});
