// Hostile files for every loader: guides, report templates, survey files and packages, random or
// damaged copies of real ones. None may crash; each is refused with its problems, and an import that
// is refused writes nothing.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import { AppError } from '../../src-main/core/errors';
import { parseGuide } from '../../src-main/guides/parse-guide';
import { findAppRoot } from '../../src-main/paths';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { readPackage } from '../../src-main/transfer/package-reader';
import { readSurveyFile } from '../../src-main/transfer/survey-file';
import { makeTempDir, removeTempDir, snapshotDataFolder } from './fixtures/data-folder';

const appRoot = findAppRoot();
const builtinGuide = JSON.parse(readFileSync(path.join(appRoot, 'templates', 'interviews', 'psychosocial-cleaning.json'), 'utf8')) as unknown;

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (value !== null && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function replaceAt(value: unknown, at: Path, replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const [head, ...rest] = at;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaceAt(item, rest, replacement) : item));
  return { ...(value as Record<string, unknown>), [head]: replaceAt((value as Record<string, unknown>)[head as string], rest, replacement) };
}

const guidePaths = paths(builtinGuide).filter((p) => p.length > 0);

/** The built-in guide with one value anywhere replaced: wrong type, deleted, or a hostile string. */
const damagedGuide = fc
  .tuple(
    fc.constantFrom(...guidePaths),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constant(undefined),
      fc.constantFrom('<script>alert(1)</script>', '{{constructor.constructor("return process")()}}', '../../etc/passwd', '\u202Eevil', 'x'.repeat(100_000)),
    ),
  )
  .map(([at, value]) => JSON.stringify(replaceAt(builtinGuide, at, value)));

const jsonish = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '\uFEFF', '{', '[]', 'null', '{"__proto__": {"polluted": true}}', '{"sections": "x"}', '\uFEFF{"id": 1}'),
);

function expectProblems(result: { ok: boolean; problems?: { path: string; message: string }[] }): void {
  if (result.ok) return;
  expect(result.problems!.length).toBeGreaterThan(0);
  for (const problem of result.problems!) {
    expect(typeof problem.path).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

describe('the guide loader', () => {
  it('never throws on a damaged copy of the built-in guide, and lists what is wrong', () => {
    fc.assert(
      fc.property(damagedGuide, (text) => {
        expectProblems(parseGuide(text, 'damaged.json'));
      }),
      { numRuns: 80 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on any JSON or text', () => {
    fc.assert(fc.property(jsonish, (text) => expectProblems(parseGuide(text, 'random.json'))), { numRuns: 200 });
  });
});

describe('the report template loader', () => {
  it('never throws on any JSON, text or guide-shaped file, and lists what is wrong', () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, damagedGuide), (text) => {
        const result = parseReportTemplate(text, 'hostile.json');
        expect(result.ok).toBe(false);
        expectProblems(result);
      }),
      { numRuns: 200 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

async function refusedAsFile(promise: Promise<unknown>): Promise<void> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (outcome === null) return;
  expect(outcome, String(outcome)).toBeInstanceOf(AppError);
  expect((outcome as AppError).code).toBe('invalid_file');
}

const csvCell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', '""', '"a,b"', '=cmd|" /C calc"!A0', '\r', '\n', ';', '\t', '1', '5', 'Helt enig'));
const csvText = fc
  .tuple(fc.array(fc.array(csvCell, { maxLength: 8 }), { maxLength: 12 }), fc.constantFrom(',', ';', '\t'))
  .map(([rows, delimiter]) => rows.map((row) => row.join(delimiter)).join('\n'));

describe('the survey file reader', () => {
  it('reads or refuses any bytes and any CSV-like text, never crashing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          csvText.map((text) => new TextEncoder().encode(text)),
          fc.uint8Array({ maxLength: 200 }).map((bytes) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes])),
          fc.uint8Array({ maxLength: 100 }).map((bytes) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, ...bytes])),
        ),
        (bytes) => refusedAsFile(readSurveyFile(bytes)),
      ),
      { numRuns: 200 },
    );
  });
});

describe('packages', () => {
  let dataDir: string;
  let runtime: ApiRuntime;
  let packageBytes: Uint8Array;

  beforeAll(async () => {
    dataDir = makeTempDir();
    runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
    const call = async (method: string, input: unknown) => {
      const result = await runtime.call(method, input);
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
      return result.value as Record<string, unknown>;
    };
    const client = await call('clients.create', { name: 'Renhold Vest AS' });
    const assessment = await call('assessments.create', {
      clientId: client.id,
      title: 'Kartlegging 2025',
      method: 'group',
      guideId: 'psychosocial-cleaning',
      guideVersion: '1.0.0',
    });
    const exported = await call('transfer.exportPackage', { assessmentIds: [assessment.id] });
    packageBytes = Buffer.from(exported.contentBase64 as string, 'base64');
    // Imported into an empty folder, so that a package that gets through would have something to write.
    await runtime.close();
    removeTempDir(dataDir);
    dataDir = makeTempDir();
    runtime = await openApiRuntime({ dataDir, appRoot, log: () => {} });
  });

  afterAll(async () => {
    await runtime.close();
    removeTempDir(dataDir);
  });

  /** A real package with bytes flipped, cut short, or with junk spliced in. */
  const damaged = () =>
    fc.oneof(
      fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
        const copy = Uint8Array.from(packageBytes);
        copy[at % copy.length] ^= xor;
        return copy;
      }),
      fc.nat().map((at) => packageBytes.subarray(0, at % packageBytes.length)),
      fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, junk]) => {
        const cut = at % packageBytes.length;
        return new Uint8Array([...packageBytes.subarray(0, cut), ...junk, ...packageBytes.subarray(cut)]);
      }),
      fc.uint8Array({ maxLength: 300 }),
    );

  it('reads or refuses a damaged package, never crashing', async () => {
    await fc.assert(fc.asyncProperty(damaged(), (bytes) => refusedAsFile(readPackage(bytes))), { numRuns: 150 });
  });

  it('imports a damaged package whole or not at all', async () => {
    await fc.assert(
      fc.asyncProperty(damaged(), async (bytes) => {
        const before = snapshotDataFolder(dataDir);
        const result = await runtime.call('transfer.importPackage', { fileName: 'kartlegging.kartlegg', contentBase64: Buffer.from(bytes).toString('base64') });
        if (result.ok) return;
        expect(result.error.code, result.error.message).not.toBe('internal');
        expect(snapshotDataFolder(dataDir)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});
