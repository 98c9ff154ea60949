// The API through openApiRuntime on a real data folder: clients, units, settings, system, and input
// validation that refuses bad calls without writing anything.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../src-main/api/contract';
import { type ApiRuntime, openApiRuntime } from '../../src-main/api/runtime';
import type { ClientDetails, ClientSummary, Unit } from '../../src-main/core/clients';
import type { ErrorCode, Result } from '../../src-main/core/errors';
import { defaultSettings, type Settings } from '../../src-main/core/settings';
import { latestSchemaVersion } from '../../src-main/db/database';
import { findAppRoot } from '../../src-main/paths';
import { apiCalls } from './fixtures/api-calls';
import { integrityCheck, makeTempDir, removeTempDir, withRawDb } from './fixtures/data-folder';

const appRoot = findAppRoot();
let dataDir: string;
let runtime: ApiRuntime;
const logged: string[] = [];

async function openRuntime(): Promise<ApiRuntime> {
  return openApiRuntime({ dataDir, appRoot, log: (message) => logged.push(message) });
}

beforeEach(async () => {
  dataDir = makeTempDir();
  logged.length = 0;
  runtime = await openRuntime();
});

afterEach(async () => {
  await runtime.close();
  removeTempDir(dataDir);
});

const { ok, fails, refusedWithoutWriting } = apiCalls(() => ({ runtime, dataDir }));

const createClient = (input: Record<string, unknown>) => ok<ClientDetails>('clients.create', input);
const listClients = (search?: string) => ok<ClientSummary[]>('clients.list', search === undefined ? {} : { search });
const names = (clients: ClientSummary[]) => clients.map((c) => c.name);

/** Adds an assessment behind the API's back: there is no API method for assessments yet. */
function insertAssessment(clientId: string, unitId: string | null): string {
  const id = randomUUID();
  const now = new Date().toISOString();
  withRawDb(dataDir, (db) =>
    db
      .prepare(
        `INSERT INTO assessments (id, client_id, unit_id, title, method, guide_id, guide_version, created_at, updated_at)
         VALUES (?, ?, ?, 'Kartlegging 2025', 'group', 'psykososialt', '1.0', ?, ?)`,
      )
      .run(id, clientId, unitId, now, now),
  );
  return id;
}

describe('clients', () => {
  it('creates a client with defaults for the fields not given, normalizing the organisation number', async () => {
    const client = await createClient({ name: '  Renhold Vest AS ', orgNumber: '923 609 016', naceCode: '81.21', city: 'Bergen' });
    expect(client).toMatchObject({
      name: 'Renhold Vest AS',
      orgNumber: '923609016',
      naceCode: '81.21',
      city: 'Bergen',
      address: '',
      postalCode: '',
      contactEmail: '',
      notes: '',
      unitCount: 0,
      assessmentCount: 0,
      units: [],
    });
    expect(client.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.createdAt).toBe(client.updatedAt);
  });

  it('stores an empty organisation number and NACE code as null', async () => {
    const client = await createClient({ name: 'Uten nummer', orgNumber: '   ', naceCode: '' });
    expect(client.orgNumber).toBeNull();
    expect(client.naceCode).toBeNull();
    // Two clients without a number do not conflict.
    await expect(createClient({ name: 'Også uten nummer' })).resolves.toMatchObject({ orgNumber: null });
  });

  it('gets a client by id and refuses an id that does not exist', async () => {
    const created = await createClient({ name: 'Renhold Vest AS' });
    await expect(ok('clients.get', { id: created.id })).resolves.toEqual(created);
    expect(await fails('clients.get', { id: randomUUID() })).toMatchObject({ code: 'not_found' });
  });

  describe('list and search', () => {
    beforeEach(async () => {
      await createClient({ name: 'Renhold Vest AS', orgNumber: '923609016', city: 'Bergen' });
      await createClient({ name: 'nordlys vask', orgNumber: '974760673', city: 'Tromsø' });
      await createClient({ name: 'Fjord Facility', orgNumber: '971526920', city: 'Ålesund' });
      await createClient({ name: '100% Rent', city: 'Oslo' });
      await createClient({ name: 'Rent_Bygg', city: 'Oslo' });
      await createClient({ name: 'Økern Kantine', city: 'OSLO' });
    });

    it('lists every client by name, ignoring case', async () => {
      expect(names(await listClients())).toEqual(['100% Rent', 'Fjord Facility', 'nordlys vask', 'Renhold Vest AS', 'Rent_Bygg', 'Økern Kantine']);
      expect(names(await listClients('   '))).toHaveLength(6);
    });

    it.each([
      ['a part of a name', 'hold', ['Renhold Vest AS']],
      ['a name in another case', 'NORDLYS', ['nordlys vask']],
      ['a name part in lower case', 'facility', ['Fjord Facility']],
      ['a city', 'bergen', ['Renhold Vest AS']],
      ['a city with surrounding spaces', '  Tromsø ', ['nordlys vask']],
      ['a city with æøå in lower case', 'ålesund', ['Fjord Facility']],
      ['a city with æøå in upper case', 'TROMSØ', ['nordlys vask']],
      ['a name with æøå in another case', 'økern', ['Økern Kantine']],
      ['organisation number digits', '609016', ['Renhold Vest AS']],
      ['a grouped organisation number', '974 760 673', ['nordlys vask']],
      ['the start of an organisation number', '9715', ['Fjord Facility']],
      ['a literal %', '%', ['100% Rent']],
      ['a literal % inside a word', '0% R', ['100% Rent']],
      ['a literal _', '_', ['Rent_Bygg']],
      ['_ not matching any one character', 'Rent_B', ['Rent_Bygg']],
      ['a backslash', '\\', []],
      ['nothing that matches', 'Hammerfest', []],
    ])('finds clients by %s (%j)', async (_what, search, expected) => {
      expect(names(await listClients(search))).toEqual(expected);
    });

    it('does not treat _ as a wildcard', async () => {
      // "R_nt" would match "Rent" if _ were a LIKE wildcard.
      expect(await listClients('R_nt')).toEqual([]);
      expect(await listClients('%Rent')).toEqual([]);
    });
  });

  it('updates a client and keeps its own organisation number', async () => {
    const created = await createClient({ name: 'Renhold Vest AS', orgNumber: '923609016', city: 'Bergen' });
    const updated = await ok<ClientDetails>('clients.update', {
      id: created.id,
      name: 'Renhold Vest og Nord AS',
      orgNumber: '923609016',
      city: 'Bergen',
      contactEmail: 'post@renholdvest.no',
    });
    expect(updated).toMatchObject({ id: created.id, name: 'Renhold Vest og Nord AS', contactEmail: 'post@renholdvest.no' });
    expect(updated.createdAt).toBe(created.createdAt);
    expect(await ok('clients.get', { id: created.id })).toEqual(updated);
  });

  it('refuses to update a client that does not exist', async () => {
    expect(await refusedWithoutWriting('clients.update', { id: randomUUID(), name: 'Ingen' })).toMatchObject({ code: 'not_found' });
  });

  it('deletes a client with its units', async () => {
    const client = await createClient({ name: 'Renhold Vest AS' });
    await ok('units.create', { clientId: client.id, name: 'Lager' });
    await expect(ok('clients.delete', { id: client.id })).resolves.toEqual({ deleted: true });
    expect(await listClients()).toEqual([]);
    withRawDb(dataDir, (db) => expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(0));
    expect(await fails('clients.delete', { id: client.id })).toMatchObject({ code: 'not_found' });
  });

  it('refuses to delete a client with an assessment', async () => {
    const client = await createClient({ name: 'Renhold Vest AS' });
    insertAssessment(client.id, null);
    const error = await refusedWithoutWriting('clients.delete', { id: client.id });
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Renhold Vest AS');
    await expect(ok('clients.get', { id: client.id })).resolves.toMatchObject({ assessmentCount: 1 });
  });

  describe('organisation numbers', () => {
    it.each([
      ['the same digits', '923609016'],
      ['the same number grouped', '923 609 016'],
      ['the same number with dots', '923.609.016'],
    ])('refuses a second client with %s, writing nothing', async (_what, orgNumber) => {
      await createClient({ name: 'Renhold Vest AS', orgNumber: '923609016' });
      const error = await refusedWithoutWriting('clients.create', { name: 'Kopi AS', orgNumber });
      expect(error.code).toBe('conflict');
      expect(error.message).toContain('923 609 016');
      expect(error.issues).toEqual([expect.objectContaining({ path: 'orgNumber', key: 'orgNumberTaken' })]);
    });

    it("refuses to update a client to another client's number, writing nothing", async () => {
      await createClient({ name: 'Renhold Vest AS', orgNumber: '923609016' });
      const other = await createClient({ name: 'Nordlys Vask', orgNumber: '974760673' });
      const error = await refusedWithoutWriting('clients.update', { id: other.id, name: 'Nordlys Vask', orgNumber: '923609016' });
      expect(error).toMatchObject({ code: 'conflict', issues: [{ path: 'orgNumber' }] });
    });

    it.each([
      ['923609017', 'orgNumberCheckDigit'],
      ['912345678', 'orgNumberCheckDigit'],
      ['92360901', 'orgNumberFormat'],
      ['92360901X', 'orgNumberFormat'],
    ])('refuses %s with the key %s, writing nothing', async (orgNumber, key) => {
      const error = await refusedWithoutWriting('clients.create', { name: 'Feil AS', orgNumber });
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toEqual([expect.objectContaining({ path: 'orgNumber', key })]);
    });
  });
});

describe('units', () => {
  it('creates, updates and deletes a unit', async () => {
    const client = await createClient({ name: 'Renhold Vest AS' });
    const unit = await ok<Unit>('units.create', { clientId: client.id, name: 'Avdeling Sandsli', address: 'Sandslimarka 1' });
    expect(unit).toMatchObject({ clientId: client.id, name: 'Avdeling Sandsli', address: 'Sandslimarka 1', description: '' });
    await expect(ok('clients.get', { id: client.id })).resolves.toMatchObject({ unitCount: 1, units: [unit] });

    const updated = await ok<Unit>('units.update', { id: unit.id, name: 'Avdeling Sandsli', description: 'Nattskift' });
    expect(updated).toMatchObject({ id: unit.id, description: 'Nattskift', address: '' });

    await expect(ok('units.delete', { id: unit.id })).resolves.toEqual({ deleted: true });
    await expect(ok('clients.get', { id: client.id })).resolves.toMatchObject({ unitCount: 0, units: [] });
  });

  it('refuses a unit for a client that does not exist', async () => {
    expect(await refusedWithoutWriting('units.create', { clientId: randomUUID(), name: 'Lager' })).toMatchObject({ code: 'not_found' });
  });

  it.each(['units.update', 'units.delete'])('%s refuses a unit that does not exist', async (method) => {
    const input = method === 'units.update' ? { id: randomUUID(), name: 'Lager' } : { id: randomUUID() };
    expect(await refusedWithoutWriting(method, input)).toMatchObject({ code: 'not_found' });
  });

  it('refuses to delete a unit used by an assessment', async () => {
    const client = await createClient({ name: 'Renhold Vest AS' });
    const unit = await ok<Unit>('units.create', { clientId: client.id, name: 'Lager' });
    insertAssessment(client.id, unit.id);
    const error = await refusedWithoutWriting('units.delete', { id: unit.id });
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Lager');
  });
});

describe('input validation', () => {
  let clientId: string;

  beforeEach(async () => {
    const client = await createClient({ name: 'Renhold Vest AS', orgNumber: '923609016' });
    clientId = client.id;
    await ok('units.create', { clientId, name: 'Lager' });
  });

  const cases: [string, string, () => unknown, ErrorCode, { path: string; key?: string } | null][] = [
    ['a number for a name', 'clients.create', () => ({ name: 42 }), 'invalid_input', { path: 'name', key: 'wrongType' }],
    ['a string for a number', 'settings.update', () => ({ minGroupSize: '7' }), 'invalid_input', { path: 'minGroupSize', key: 'wrongType' }],
    ['a fraction for a count', 'settings.update', () => ({ minGroupSize: 5.5 }), 'invalid_input', { path: 'minGroupSize' }],
    ['a value outside an enum', 'settings.update', () => ({ language: 'sv' }), 'invalid_input', { path: 'language' }],
    ['no name', 'clients.create', () => ({ city: 'Bergen' }), 'invalid_input', { path: 'name', key: 'required' }],
    ['a blank name', 'clients.create', () => ({ name: '   ' }), 'invalid_input', { path: 'name', key: 'required' }],
    ['no id', 'clients.get', () => ({}), 'invalid_input', { path: 'id', key: 'required' }],
    ['no client id for a unit', 'units.create', () => ({ name: 'Lager' }), 'invalid_input', { path: 'clientId', key: 'required' }],
    ['an unknown field', 'clients.create', () => ({ name: 'Ny AS', owner: 'x' }), 'invalid_input', { path: '', key: 'unknownField' }],
    ['an unknown field on an empty input', 'settings.get', () => ({ all: true }), 'invalid_input', { path: '', key: 'unknownField' }],
    ['an id on create', 'clients.create', () => ({ id: randomUUID(), name: 'Ny AS' }), 'invalid_input', { path: '', key: 'unknownField' }],
    ['a 201-character name', 'clients.create', () => ({ name: 'x'.repeat(201) }), 'invalid_input', { path: 'name', key: 'tooLong' }],
    ['a 201-character search', 'clients.list', () => ({ search: 'x'.repeat(201) }), 'invalid_input', { path: 'search', key: 'tooLong' }],
    ['5001 characters of notes', 'clients.create', () => ({ name: 'Ny AS', notes: 'n'.repeat(5001) }), 'invalid_input', { path: 'notes', key: 'tooLong' }],
    ['an e-mail without @', 'clients.create', () => ({ name: 'Ny AS', contactEmail: 'post.ny.no' }), 'invalid_input', { path: 'contactEmail', key: 'email' }],
    ['a bad NACE code', 'clients.create', () => ({ name: 'Ny AS', naceCode: 'renhold' }), 'invalid_input', { path: 'naceCode', key: 'naceFormat' }],
    ['a string as input', 'clients.create', () => 'Ny AS', 'invalid_input', { path: '', key: 'wrongType' }],
    ['a number as input', 'clients.list', () => 7, 'invalid_input', { path: '', key: 'wrongType' }],
    ['an array as input', 'clients.create', () => [{ name: 'Ny AS' }], 'invalid_input', { path: '', key: 'wrongType' }],
    ['null input where fields are required', 'clients.create', () => null, 'invalid_input', { path: 'name', key: 'required' }],
    ['a not-UUID id', 'clients.get', () => ({ id: 'abc' }), 'invalid_input', { path: 'id', key: 'format' }],
    ['an SQL-looking id', 'clients.delete', () => ({ id: "' OR 1=1 --" }), 'invalid_input', { path: 'id', key: 'format' }],
    ['a not-UUID unit id', 'units.delete', () => ({ id: 'lager' }), 'invalid_input', { path: 'id', key: 'format' }],
    ['minGroupSize below 3', 'settings.update', () => ({ minGroupSize: 2 }), 'invalid_input', { path: 'minGroupSize', key: 'tooSmall' }],
    ['an unknown method', 'clients.drop', () => ({}), 'unknown_method', null],
    ['a method name with a prototype key', '__proto__', () => ({}), 'unknown_method', null],
    ['a method name of Object.prototype', 'toString', () => ({}), 'unknown_method', null],
    ['an empty method name', '', () => ({}), 'unknown_method', null],
  ];

  it.each(cases)('refuses %s (%s) and writes nothing', async (_what, method, input, code, issue) => {
    const error = await refusedWithoutWriting(method, input());
    expect(error.code).toBe(code);
    expect(error.message).toEqual(expect.any(String));
    if (issue) expect(error.issues).toContainEqual(expect.objectContaining(issue));
  });

  it('names the unknown field in the message of its issue', async () => {
    const error = await fails('clients.create', { name: 'Ny AS', owner: 'x' });
    expect(error.issues?.[0].message).toContain('owner');
  });

  it('refuses a method name that is not a string', async () => {
    // The IPC transport passes along whatever the renderer sent, typed or not.
    for (const method of [undefined, null, 42, { name: 'clients.list' }]) {
      const result = await runtime.call(method as unknown as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('accepts a 200-character name, the limit', async () => {
    await expect(createClient({ name: 'x'.repeat(200) })).resolves.toMatchObject({ name: 'x'.repeat(200) });
  });

  it('treats null and undefined input as no input', async () => {
    await expect(ok('clients.list', null)).resolves.toHaveLength(1);
    await expect(ok('clients.list', undefined)).resolves.toHaveLength(1);
    await expect(ok('settings.get', null)).resolves.toEqual(defaultSettings);
  });
});

describe('settings', () => {
  it('returns the defaults on a new database', async () => {
    await expect(ok('settings.get', {})).resolves.toEqual(defaultSettings);
  });

  it('changes some settings and keeps them across a reopen', async () => {
    const changed = await ok<Settings>('settings.update', { language: 'en', minGroupSize: 7, consultancyName: 'Bedriftshelse Vest' });
    const expected: Settings = { ...defaultSettings, language: 'en', minGroupSize: 7, consultancyName: 'Bedriftshelse Vest' };
    expect(changed).toEqual(expected);

    await runtime.close();
    runtime = await openRuntime();
    await expect(ok('settings.get', {})).resolves.toEqual(expected);
    await expect(ok('settings.update', { minGroupSize: 3 })).resolves.toMatchObject({ minGroupSize: 3, language: 'en' });
  });

  it.each([2, 0, -5, 51])('refuses minGroupSize %d and keeps the old value', async (minGroupSize) => {
    await ok('settings.update', { minGroupSize: 6 });
    const error = await refusedWithoutWriting('settings.update', { minGroupSize, consultancyName: 'Skal ikke lagres' });
    expect(error.issues).toEqual([expect.objectContaining({ path: 'minGroupSize' })]);
    await expect(ok('settings.get', {})).resolves.toMatchObject({ minGroupSize: 6, consultancyName: '' });
  });
});

describe('system', () => {
  it('reports the version, data folder and schema version', async () => {
    await expect(ok('system.info', {})).resolves.toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+/), dataDir, schemaVersion: latestSchemaVersion });
  });

  it('verifies a healthy database', async () => {
    await createClient({ name: 'Renhold Vest AS' });
    await expect(ok('system.verify', {})).resolves.toEqual({ integrity: 'ok', foreignKeyProblems: 0, ok: true });
  });

  it('refuses calls once closed', async () => {
    await runtime.close();
    expect(await fails('clients.list', {})).toMatchObject({ code: 'internal', message: expect.stringContaining('closed') });
    runtime = await openRuntime();
  });
});

describe('any input to any method', () => {
  const methods = Object.keys(contract) as MethodName[];
  const errorCodes: ErrorCode[] = [
    'bad_request', 'invalid_input', 'unknown_method', 'not_found', 'conflict', 'unauthorized', 'forbidden',
    'payload_too_large', 'database_too_new', 'database_locked', 'invalid_file', 'internal',
  ];

  const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const isClient = (value: unknown) =>
    expect(value).toMatchObject({ id: expect.stringMatching(uuidPattern), name: expect.any(String), units: expect.any(Array) });
  const isUnit = (value: unknown) =>
    expect(value).toMatchObject({ id: expect.stringMatching(uuidPattern), clientId: expect.stringMatching(uuidPattern), name: expect.any(String) });
  const isSettings = (value: unknown) => expect(Object.keys(value as object).sort()).toEqual(Object.keys(defaultSettings).sort());
  const isDeleted = (value: unknown) => expect(value).toEqual({ deleted: true });

  /** What a successful answer looks like. A method missing here (a new one) is only checked for a value. */
  const looksRight: Partial<Record<MethodName, (value: unknown) => void>> = {
    'clients.list': (value) => expect(Array.isArray(value)).toBe(true),
    'clients.get': isClient,
    'clients.create': isClient,
    'clients.update': isClient,
    'clients.delete': isDeleted,
    'units.create': isUnit,
    'units.update': isUnit,
    'units.delete': isDeleted,
    'settings.get': isSettings,
    'settings.update': isSettings,
    'system.info': (value) => expect(value).toMatchObject({ schemaVersion: latestSchemaVersion, dataDir }),
    'system.verify': (value) => expect(value).toMatchObject({ ok: true }),
  };

  /** Inputs that pass validation, so the property reaches the handlers; ids are known or random. A method
   * missing here (a new one) gets only the generic inputs below, so add it. */
  function validInput(method: MethodName, ids: string[]): fc.Arbitrary<Record<string, unknown>> {
    const id = fc.oneof(fc.constantFrom(...ids), fc.uuid({ version: 4 }));
    const name = fc.string({ minLength: 1, maxLength: 200 }).filter((value) => value.trim() !== '');
    const optionalText = fc.string({ maxLength: 100 });
    const client = {
      name,
      orgNumber: fc.constantFrom('', '923609016', '974 760 673', '971.526.920'),
      naceCode: fc.constantFrom('', '81.21', '81'),
      city: optionalText,
      notes: optionalText,
      contactEmail: fc.constantFrom('', 'post@example.no'),
    };
    const unit = { name, address: optionalText, description: optionalText };
    const optional = { requiredKeys: ['name'] as 'name'[] };
    const byMethod: Partial<Record<MethodName, fc.Arbitrary<Record<string, unknown>>>> = {
      'clients.list': fc.record({ search: fc.string({ maxLength: 200 }) }, { requiredKeys: [] }),
      'clients.get': fc.record({ id }),
      'clients.create': fc.record(client, optional),
      'clients.update': fc.record({ ...client, id }, { requiredKeys: ['name', 'id'] }),
      'clients.delete': fc.record({ id }),
      'units.create': fc.record({ ...unit, clientId: id }, { requiredKeys: ['name', 'clientId'] }),
      'units.update': fc.record({ ...unit, id }, { requiredKeys: ['name', 'id'] }),
      'units.delete': fc.record({ id }),
      'settings.get': fc.constant({}),
      'settings.update': fc.record(
        {
          language: fc.constantFrom('nb', 'en'),
          minGroupSize: fc.integer({ min: 3, max: 50 }),
          consultancyName: fc.string({ maxLength: 200 }),
          backupsToKeep: fc.integer({ min: 1, max: 100 }),
        },
        { requiredKeys: [] },
      ),
      'system.info': fc.constant({}),
      'system.verify': fc.constant({}),
    };
    return byMethod[method] ?? fc.constant({});
  }

  /** Valid inputs, valid inputs with one field replaced by any JSON value, and anything JSON (HTTP) or
   * structured clone (IPC) can carry. */
  function anyInput(method: MethodName, ids: string[]) {
    const valid = validInput(method, ids);
    const fieldName = fc.constantFrom('id', 'clientId', 'name', 'orgNumber', 'search', 'minGroupSize', 'language', 'unknown');
    return fc.oneof(
      valid,
      fc.tuple(valid, fieldName, fc.jsonValue()).map(([input, field, value]) => ({ ...input, [field]: value })),
      fc.jsonValue(),
      fc.anything({ withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true }),
    );
  }

  function expectWellFormed(method: MethodName, result: Result<unknown>): void {
    expect(typeof result.ok).toBe('boolean');
    if (result.ok) {
      expect(result.value).not.toBeUndefined();
      looksRight[method]?.(result.value);
    } else {
      // A refusal is a known code, never a crash inside a handler.
      expect(errorCodes).toContain(result.error.code);
      expect(result.error.code).not.toBe('internal');
      expect(typeof result.error.message).toBe('string');
    }
    // Whatever comes back must cross IPC and HTTP unchanged.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  }

  it.each(methods)('%s never throws and always answers with a result', async (method) => {
    const client = await createClient({ name: 'Renhold Vest AS', orgNumber: '923609016' });
    const unit = await ok<Unit>('units.create', { clientId: client.id, name: 'Lager' });
    await fc.assert(
      fc.asyncProperty(anyInput(method, [client.id, unit.id]), async (input) => {
        expectWellFormed(method, await runtime.call(method, input));
      }),
      { numRuns: 50 },
    );
    expect(logged).toEqual([]);
    withRawDb(dataDir, (db) => expect(integrityCheck(db)).toBe('ok'), { readonly: true });
    await expect(ok('system.verify', {})).resolves.toMatchObject({ ok: true });
  });
});
