// The file layers under packages and surveys: the strict zip reader, the passphrase envelope, and the CSV reader
// on the encodings and delimiters Norwegian spreadsheets write.
import fc from 'fast-check';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { decryptPackage, encryptPackage, isEncryptedPackage } from '../../src-main/transfer/encryption';
import { readSurveyFile } from '../../src-main/transfer/survey-file';
import { readZip, unsafeEntryName } from '../../src-main/transfer/zip-reader';

const limits = { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 1500 };
const bytes = (text: string) => new TextEncoder().encode(text);
/** Cheap scrypt parameters: the envelope is the same, only the key derivation is faster. */
const fast = { N: 1024, r: 8, p: 1 };

async function refusal(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error.issues?.[0].key;
    throw error;
  }
  return undefined;
}

describe('zip reader', () => {
  it.each([
    ['../x', 'climbs out'],
    ['a/../../x', 'climbs out'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/x', 'drive letter'],
    ['a\\b', 'backslash'],
    ['a\0b', 'null'],
  ])('refuses the entry name %j', (name, why) => {
    expect(unsafeEntryName(name)).toMatch(why);
  });

  it.each(['manifest.json', 'guides/1.json', 'a..b/c.json'])('accepts the entry name %j', (name) => {
    expect(unsafeEntryName(name)).toBeNull();
  });

  it('reads what fflate writes, stored and deflated', () => {
    const zip = zipSync({ 'a.json': bytes('{"a":1}'), 'b/c.txt': [bytes('x'.repeat(500)), { level: 0 }] });
    const files = readZip(zip, limits, 'package');
    expect(new TextDecoder().decode(files.get('a.json'))).toBe('{"a":1}');
    expect(files.get('b/c.txt')?.length).toBe(500);
  });

  it('stops at the caps: entries, one entry, all entries together', async () => {
    const many = Object.fromEntries([...Array(11).keys()].map((i) => [`${i}.json`, bytes('1')]));
    expect(await refusal(() => readZip(zipSync(many), limits, 'package'))).toBe('tooManyEntries');
    expect(await refusal(() => readZip(zipSync({ 'a.json': new Uint8Array(1001) }), limits, 'package'))).toBe('entryTooLarge');
    expect(await refusal(() => readZip(zipSync({ 'a.json': new Uint8Array(800), 'b.json': new Uint8Array(800) }), limits, 'package'))).toBe('contentTooLarge');
  });

  it('any damage is refused with a reason or read as a zip, never anything else', () => {
    const zip = zipSync({ 'manifest.json': bytes('{"format":"kartlegg-package"}'), 'a/b.json': bytes('[1,2,3]'.repeat(30)) });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: zip.length - 1 }), fc.integer({ min: 1, max: 255 })), { maxLength: 6 }), fc.nat({ max: zip.length }), (flips, cut) => {
        const damaged = zip.slice(0, Math.max(cut, 1));
        for (const [at, mask] of flips) if (at < damaged.length) damaged[at] ^= mask;
        try {
          readZip(damaged, limits, 'package');
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
        }
      }),
    );
  });
});

describe('encryption', () => {
  it('opens with the right passphrase (in any Unicode normal form) and says plainly when it is wrong', async () => {
    const plain = bytes('hemmelige svar');
    const sealed = await encryptPackage(plain, 'blåbærsyltetøy', fast);
    expect(isEncryptedPackage(sealed)).toBe(true);
    expect(new TextDecoder().decode(await decryptPackage(sealed, 'blåbærsyltetøy'.normalize('NFD')))).toBe('hemmelige svar');
    expect(await refusal(() => decryptPackage(sealed, 'blabaersyltetoy'))).toBe('passphraseWrong');
    expect(await refusal(() => decryptPackage(sealed, undefined))).toBe('passphraseRequired');
  });

  it('stores the scrypt parameters in the header and refuses parameters outside the safe range', async () => {
    const sealed = Buffer.from(await encryptPackage(bytes('x'), 'passord123', fast));
    const text = sealed.toString('latin1');
    expect(text).toContain('"name":"scrypt","N":1024,"r":8,"p":1');
    const greedy = Buffer.from(text.replace('"N":1024', '"N":2097152'), 'latin1');
    expect(await refusal(() => decryptPackage(greedy, 'passord123'))).toBe('unsupportedEncryption');
  });

  it('tells a damaged file from a wrong passphrase', async () => {
    const sealed = Buffer.from(await encryptPackage(bytes('innhold som er langt nok'), 'passord123', fast));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 20] ^= 1;
    expect(await refusal(() => decryptPackage(flipped, 'passord123'))).toBe('encryptionDamaged');
    expect(await refusal(() => decryptPackage(sealed.subarray(0, sealed.length - 5), 'passord123'))).toBe('truncated');
  });
});

describe('CSV as spreadsheets write it', () => {
  const table = [
    ['Gruppe', 'Spørsmål'],
    ['Nattskift', 'Ofte'],
    ['Dag; kontor', 'Sjelden'],
    ['Med "sitat"\nog ny linje', 'Aldri'],
  ];
  const write = (delimiter: string) =>
    table.map((row) => row.map((cell) => (/[";\n,]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter)).join('\r\n') + '\r\n';

  it.each([
    ['semicolons in Windows-1252', iconv.encode(write(';'), 'windows-1252'), 'windows-1252', ';'],
    ['semicolons in UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(write(';'))]), 'utf-8', ';'],
    ['commas in UTF-8 without BOM', Buffer.from(write(',')), 'utf-8', ','],
    ['tabs in UTF-16 ("Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(write('\t'), 'utf-16le')]), 'utf-16le', '\t'],
    ['Excel’s sep= hint', Buffer.from(`sep=,\r\n${write(',')}`), 'utf-8', ','],
  ])('reads %s', async (_name, file, encoding, delimiter) => {
    const read = await readSurveyFile(file);
    expect([read.encoding, read.delimiter]).toEqual([encoding, delimiter]);
    expect(read.table.headers).toEqual(table[0]);
    expect(read.table.rows.map((row) => row.cells)).toEqual(table.slice(1));
  });

  it('any table of text cells written with quoting reads back the same', async () => {
    const cellText = fc.string({ maxLength: 15 }).filter((text) => !text.includes('\r') && text.trim() === text);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.tuple(
            fc.array(cellText.filter((text) => text !== ''), { minLength: width, maxLength: width }),
            fc.array(fc.array(cellText, { minLength: width, maxLength: width }).filter((row) => row.some((cell) => cell !== '')), { maxLength: 8 }),
          ),
        ),
        async ([header, rows]) => {
          const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
          const text = [header, ...rows].map((row) => row.map(quote).join(';')).join('\r\n');
          const read = await readSurveyFile(new TextEncoder().encode(text));
          expect(read.table.headers).toEqual(header);
          expect(read.table.rows.map((row) => row.cells)).toEqual(rows);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses an old .xls file with advice', async () => {
    expect(await refusal(() => readSurveyFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])))).toBe('notASpreadsheet');
  });
});
