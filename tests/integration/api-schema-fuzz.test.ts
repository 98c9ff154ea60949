// Bad input shaped like the real thing: for every API method, inputs generated from its own schema
// (with ids that exist) and the same with one field deep inside of a wrong type. No call may crash,
// and a refused call writes nothing.
import fc from 'fast-check';
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

describe('schema-shaped input to every method', () => {
  const methods = Object.keys(contract) as MethodName[];

  it.each(methods)('%s answers every shaped input, and writes nothing when it refuses', async (method) => {
    const schema = inputJsonSchema(contract[method].input);
    await fc.assert(
      fc.asyncProperty(fc.oneof(shapedValue(schema, ids), oneFieldWrong(schema, ids), oneFieldWrong(schema, ids)), async (input) => {
        const before = snapshotDataFolder(dataDir);
        const result = await runtime.call(method, input);
        expectWellFormed(result);
        if (!result.ok) expect(snapshotDataFolder(dataDir)).toEqual(before);
      }),
      { numRuns: 20 },
    );
    expect(logged).toEqual([]);
    withRawDb(dataDir, (db) => expect(integrityCheck(db)).toBe('ok'), { readonly: true });
  });
});
