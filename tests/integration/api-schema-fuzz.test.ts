// Bad input shaped like the real thing: for every API method, inputs generated from its own schema
// (with ids that exist) and the same with one field deep inside of a wrong type. No call may crash,
// and a refused call writes nothing.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../src-main/api/contract';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import type { Result } from '../../src-main/core/errors';
import { findAppRoot } from '../../src-main/paths';
import { inputJsonSchema, oneFieldWrong, shapedValue } from './fixtures/schema-arbitrary';
import { integrityCheck, makeTempDir, removeTempDir, snapshotDataFolder, withRawDb } from './fixtures/data-folder';

let dataDir: string;
let runtime: ApiRuntime;
const logged: string[] = [];
const ids: string[] = [];

async function made(method: string, input: unknown): Promise<string> {
  const result = await runtime.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  const id = (result.value as { id: string }).id;
  ids.push(id);
  return id;
}

beforeAll(async () => {
  dataDir = makeTempDir();
  runtime = await openApiRuntime({ dataDir, appRoot: findAppRoot(), log: (message) => logged.push(message) });
  const clientId = await made('clients.create', { name: 'Renhold Vest AS', orgNumber: '923609016' });
  await made('units.create', { clientId, name: 'Lager' });
  const assessmentId = await made('assessments.create', {
    clientId,
    title: 'Kartlegging 2025',
    method: 'group',
    guideId: 'psychosocial-cleaning',
    guideVersion: '1.0.0',
  });
  const interviewId = await made('interviews.create', { assessmentId, groupName: 'Kveldsskift', kind: 'group' });
  await runtime.call('answers.save', { interviewId, itemId: 'workload.1', answer: { kind: 'consensus', value: 3, participants: 4 } });
  await made('notes.add', { interviewId, factorId: 'workload', kind: 'note', text: 'Mye å gjøre før kl. 7.' });
});

afterAll(async () => {
  await runtime.close();
  removeTempDir(dataDir);
});

function expectWellFormed(result: Result<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) expect(result.value).not.toBeUndefined();
  else {
    // A refusal names a known problem; 'internal' would mean a handler crashed on the input.
    expect(result.error.code, result.error.message).not.toBe('internal');
    expect(result.error.code).not.toBe('database_corrupt');
    expect(result.error.message.length).toBeGreaterThan(0);
    for (const issue of result.error.issues ?? []) expect(typeof issue.path).toBe('string');
  }
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
}

/** These act on the whole data folder (encrypting it, swapping in a backup): once one succeeds, the
 * folder the other methods share would change under them, so each gets a folder of its own. */
const wholeFolderMethods = new Set<string>(['encryption.enable', 'encryption.disable', 'encryption.changePassphrase', 'encryption.unlock', 'backups.restore']);

/** Every file in the folder by its SHA-256: what "nothing written" means once the database may be
 * encrypted and no plain connection can read its tables. */
function fileHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return hashes;
}

async function checkShapedInputs(
  method: MethodName,
  target: { dataDir: string; runtime: ApiRuntime; snapshot: (dataDir: string) => unknown },
): Promise<void> {
  const schema = inputJsonSchema(contract[method].input);
  await fc.assert(
    fc.asyncProperty(fc.oneof(shapedValue(schema, ids), oneFieldWrong(schema, ids), oneFieldWrong(schema, ids)), async (input) => {
      const before = target.snapshot(target.dataDir);
      const result = await target.runtime.call(method, input);
      expectWellFormed(result);
      if (!result.ok) expect(target.snapshot(target.dataDir)).toEqual(before);
    }),
    { numRuns: 20 },
  );
}

describe('schema-shaped input to every method', () => {
  const methods = (Object.keys(contract) as MethodName[]).filter((method) => !wholeFolderMethods.has(method));

  it.each(methods)('%s answers every shaped input, and writes nothing when it refuses', async (method) => {
    await checkShapedInputs(method, { dataDir, runtime, snapshot: snapshotDataFolder });
    expect(logged).toEqual([]);
    withRawDb(dataDir, (db) => expect(integrityCheck(db)).toBe('ok'), { readonly: true });
  });

  it.each([...wholeFolderMethods] as MethodName[])('%s answers every shaped input in a data folder of its own', async (method) => {
    const ownDir = makeTempDir();
    // This folder's log also says what was done to it ("encrypted …"); only crash reports count here.
    const ownLog: string[] = [];
    const own = await openApiRuntime({ dataDir: ownDir, appRoot: findAppRoot(), log: (message) => ownLog.push(message) });
    try {
      await checkShapedInputs(method, { dataDir: ownDir, runtime: own, snapshot: fileHashes });
      expect(ownLog.filter((message) => message.startsWith('API method'))).toEqual([]);
    } finally {
      await own.close();
      removeTempDir(ownDir);
    }
  });
});
