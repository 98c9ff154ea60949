import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../src-main/api/contract';
import { QueryClient, type ApiCaller } from '../../src-renderer/lib/api/query-core';

interface Call {
  method: MethodName;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** An API whose answers the test gives, in any order it likes. */
function fakeApi() {
  const calls: Call[] = [];
  const api: ApiCaller = {
    call(method, input) {
      return new Promise((resolve, reject) => {
        calls.push({ method, input, resolve: resolve as (value: unknown) => void, reject });
      });
    },
  };
  const pending = (method: MethodName) => calls.filter((call) => call.method === method);
  return { api, calls, pending };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function clientQuery(client: QueryClient) {
  const query = client.query<{ name: string }>();
  const detach = query.attach();
  const show = (id: string) => query.setSource(JSON.stringify(['clients.get', id]), (api) => api.call('clients.get', { id }) as Promise<{ name: string }>);
  return { query, detach, show };
}

describe('queries', () => {
  it('is busy while loading, then holds the data', async () => {
    const { api, calls } = fakeApi();
    const { query, show } = clientQuery(new QueryClient(api));
    void show('c1');
    expect(query.getState()).toMatchObject({ busy: true, data: undefined, error: null });
    calls[0].resolve({ name: 'Renhold AS' });
    await settle();
    expect(query.getState()).toMatchObject({ busy: false, data: { name: 'Renhold AS' }, error: null });
  });

  it('drops the answer for an assessment the user has left, even when it comes last', async () => {
    const { api, calls } = fakeApi();
    const { query, show } = clientQuery(new QueryClient(api));
    void show('old');
    void show('new');
    expect(query.getState().data).toBeUndefined();
    calls[1].resolve({ name: 'New' });
    await settle();
    calls[0].resolve({ name: 'Old' });
    await settle();
    expect(query.getState()).toMatchObject({ key: JSON.stringify(['clients.get', 'new']), data: { name: 'New' }, busy: false });
  });

  it('drops a late error for an outdated request too', async () => {
    const { api, calls } = fakeApi();
    const { query, show } = clientQuery(new QueryClient(api));
    void show('old');
    void show('new');
    calls[1].resolve({ name: 'New' });
    calls[0].reject(new Error('not found'));
    await settle();
    expect(query.getState()).toMatchObject({ data: { name: 'New' }, error: null });
  });

  it('a new key shows no data of the old key while it loads', async () => {
    const { api, calls } = fakeApi();
    const { query, show } = clientQuery(new QueryClient(api));
    void show('a');
    calls[0].resolve({ name: 'A' });
    await settle();
    void show('b');
    expect(query.getState()).toMatchObject({ data: undefined, busy: true });
  });

  it('a list whose search changed keeps its rows until the new ones come, if asked to', async () => {
    const { api, calls } = fakeApi();
    const query = new QueryClient(api).query<string[]>();
    query.attach();
    const search = (text: string) => query.setSource(text, (client) => client.call('clients.list', { search: text }) as Promise<never>, true);
    void search('ren');
    calls[0].resolve(['Renhold AS', 'Rent Bygg']);
    await settle();
    void search('renh');
    void search('renho');
    expect(query.getState()).toMatchObject({ data: ['Renhold AS', 'Rent Bygg'], busy: true });
    calls[2].resolve(['Renhold AS']);
    await settle();
    calls[1].resolve(['Renhold AS', 'stale']);
    await settle();
    expect(query.getState()).toMatchObject({ key: 'renho', data: ['Renhold AS'], busy: false });
  });

  it('keeps the error of a failed load and clears it when a reload succeeds', async () => {
    const { api, calls } = fakeApi();
    const { query, show } = clientQuery(new QueryClient(api));
    void show('c1');
    const refused = new Error('database locked');
    calls[0].reject(refused);
    await settle();
    expect(query.getState()).toMatchObject({ error: refused, busy: false, data: undefined });
    void query.load();
    expect(query.getState().busy).toBe(true);
    calls[1].resolve({ name: 'Renhold AS' });
    await settle();
    expect(query.getState()).toMatchObject({ error: null, data: { name: 'Renhold AS' } });
  });

  it('a reload keeps the data on screen until the new answer comes, and only the latest reload lands', async () => {
    const { api, calls } = fakeApi();
    const { query, show } = clientQuery(new QueryClient(api));
    void show('c1');
    calls[0].resolve({ name: 'First' });
    await settle();
    void query.load();
    void query.load();
    expect(query.getState()).toMatchObject({ data: { name: 'First' }, busy: true });
    calls[2].resolve({ name: 'Third' });
    await settle();
    calls[1].resolve({ name: 'Second' });
    await settle();
    expect(query.getState().data).toEqual({ name: 'Third' });
  });

  it('data a change returned replaces the data, and a load still under way no longer lands', async () => {
    const { api, calls } = fakeApi();
    const { query, show } = clientQuery(new QueryClient(api));
    void show('c1');
    calls[0].resolve({ name: 'Before' });
    await settle();
    void query.load();
    query.setData({ name: 'Saved' });
    calls[1].resolve({ name: 'Before' });
    await settle();
    expect(query.getState()).toMatchObject({ data: { name: 'Saved' }, busy: false });
  });

  it('after closing, nothing lands and nothing reloads', async () => {
    const { api, calls } = fakeApi();
    const client = new QueryClient(api);
    const { query, show, detach } = clientQuery(client);
    void show('c1');
    detach();
    calls[0].resolve({ name: 'Late' });
    await settle();
    expect(query.getState().data).toBeUndefined();
    await client.invalidate(['clients']);
    expect(calls).toHaveLength(1);
  });

  it('a null key loads nothing', async () => {
    const { api, calls } = fakeApi();
    const query = new QueryClient(api).query<unknown>();
    query.attach();
    await query.setSource(null, (client) => client.call('clients.list', {}));
    expect(calls).toHaveLength(0);
    expect(query.getState()).toMatchObject({ key: null, busy: false, data: undefined });
  });

  it('tells its listeners about every change of state', async () => {
    const { api, calls } = fakeApi();
    const { query, show } = clientQuery(new QueryClient(api));
    const seen: boolean[] = [];
    query.subscribe(() => seen.push(query.getState().busy));
    void show('c1');
    calls[0].resolve({ name: 'A' });
    await settle();
    expect(seen.at(-1)).toBe(false);
    expect(seen).toContain(true);
  });
});

describe('mutations', () => {
  it('reload the open queries of their own area after a success, and resolve after the reload', async () => {
    const { api, calls, pending } = fakeApi();
    const client = new QueryClient(api);
    const { query, show } = clientQuery(client);
    void show('c1');
    calls[0].resolve({ name: 'Before' });
    await settle();

    const update = client.mutation('clients.update');
    update.attach();
    let done = false;
    const saved = update.run({ id: 'c1', name: 'After', orgNumber: '' } as never).then((value) => {
      done = true;
      return value;
    });
    expect(update.getState().busy).toBe(true);
    pending('clients.update')[0].resolve({ name: 'After' });
    await settle();
    expect(pending('clients.get')).toHaveLength(2);
    expect(done).toBe(false);
    pending('clients.get')[1].resolve({ name: 'After' });
    await expect(saved).resolves.toEqual({ name: 'After' });
    expect(query.getState().data).toEqual({ name: 'After' });
    expect(update.getState()).toEqual({ busy: false, error: null });
  });

  it('reload only the queries that read what they name', async () => {
    const { api, pending } = fakeApi();
    const client = new QueryClient(api);
    const clients = clientQuery(client);
    void clients.show('c1');
    const findings = client.query<unknown>();
    findings.attach();
    void findings.setSource('f', (a) => a.call('findings.list', { assessmentId: 'a1' }));
    pending('clients.get')[0].resolve({ name: 'A' });
    pending('findings.list')[0].resolve([]);
    await settle();

    const accept = client.mutation('findings.accept', ['findings', 'assessments.get']);
    accept.attach();
    const accepted = accept.run({ id: 'f1' } as never);
    pending('findings.accept')[0].resolve({});
    await settle();
    expect(pending('findings.list')).toHaveLength(2);
    expect(pending('clients.get')).toHaveLength(1);
    pending('findings.list')[1].resolve([]);
    await accepted;
  });

  it('reload a feature store that registered for what it reads, until it unregisters', async () => {
    const { api, pending } = fakeApi();
    const client = new QueryClient(api);
    let reloads = 0;
    const unregister = client.register({
      reads: (matches) => matches('measures.list'),
      load: async () => {
        reloads++;
      },
    });
    const create = client.mutation('measures.create');
    create.attach();
    const first = create.run({} as never);
    pending('measures.create')[0].resolve({});
    await first;
    expect(reloads).toBe(1);
    unregister();
    const second = create.run({} as never);
    pending('measures.create')[1].resolve({});
    await second;
    expect(reloads).toBe(1);
  });

  it('reject with the API error and keep it in their state until reset', async () => {
    const { api, calls } = fakeApi();
    const client = new QueryClient(api);
    const remove = client.mutation('clients.delete');
    remove.attach();
    const refused = new Error('conflict');
    const result = remove.run({ id: 'c1' });
    calls[0].reject(refused);
    await expect(result).rejects.toBe(refused);
    expect(remove.getState()).toEqual({ busy: false, error: refused });
    remove.reset();
    expect(remove.getState().error).toBeNull();
  });

  it('attempt resolves null on failure, with the error in the state', async () => {
    const { api, calls } = fakeApi();
    const remove = new QueryClient(api).mutation('clients.delete');
    remove.attach();
    const result = remove.attempt({ id: 'c1' });
    const refused = new Error('not found');
    calls[0].reject(refused);
    await expect(result).resolves.toBeNull();
    expect(remove.getState().error).toBe(refused);
  });

  it('an earlier call that finishes last does not overwrite the state of the latest', async () => {
    const { api, calls } = fakeApi();
    const save = new QueryClient(api).mutation('settings.update');
    save.attach();
    const first = save.attempt({ language: 'en' });
    const second = save.attempt({ language: 'nb' });
    calls[1].resolve({ language: 'nb' });
    await second;
    calls[0].reject(new Error('late failure'));
    await first;
    expect(save.getState()).toEqual({ busy: false, error: null });
  });

  it('after the screen closed, the result still reaches the caller but changes no state', async () => {
    const { api, calls } = fakeApi();
    const remove = new QueryClient(api).mutation('clients.delete');
    const detach = remove.attach();
    const result = remove.attempt({ id: 'c1' });
    detach();
    let changes = 0;
    remove.subscribe(() => changes++);
    calls[0].resolve({ deleted: true });
    await expect(result).resolves.toEqual({ value: { deleted: true } });
    expect(changes).toBe(0);
  });
});

describe('actions (a step of several calls)', () => {
  it('stay busy across all their calls and resolve with what the step returns', async () => {
    const { api, pending } = fakeApi();
    const client = new QueryClient(api);
    const exportAndList = client.action(async (caller, assessmentId: string) => {
      const report = await caller.call('reports.export', { assessmentId } as never);
      const list = await caller.call('reports.list', { assessmentId });
      return { report, list };
    });
    exportAndList.attach();
    const result = exportAndList.run('a1');
    expect(exportAndList.getState().busy).toBe(true);
    pending('reports.export')[0].resolve({ revision: 1 });
    await settle();
    expect(pending('reports.list')).toHaveLength(1);
    expect(exportAndList.getState().busy).toBe(true);
    pending('reports.list')[0].resolve([{ id: 'r1' }]);
    await expect(result).resolves.toEqual({ report: { revision: 1 }, list: [{ id: 'r1' }] });
    expect(exportAndList.getState()).toEqual({ busy: false, error: null });
  });

  it('reload no open query unless told which, then only those', async () => {
    const { api, pending } = fakeApi();
    const client = new QueryClient(api);
    const { show } = clientQuery(client);
    void show('c1');
    pending('clients.get')[0].resolve({ name: 'A' });
    await settle();

    const draft = client.action((caller) => caller.call('reports.draft', {} as never));
    draft.attach();
    const drafted = draft.run(undefined);
    pending('reports.draft')[0].resolve({ fileName: 'utkast.pdf' });
    await drafted;
    expect(pending('clients.get')).toHaveLength(1);

    const restore = client.action((caller) => caller.call('backups.restore', { name: 'b' }), ['clients']);
    restore.attach();
    const restored = restore.run(undefined);
    pending('backups.restore')[0].resolve({ safetyBackup: null });
    await settle();
    expect(pending('clients.get')).toHaveLength(2);
    pending('clients.get')[1].resolve({ name: 'A' });
    await restored;
  });

  it('stop at the first failing call, with its error in the state', async () => {
    const { api, pending } = fakeApi();
    const client = new QueryClient(api);
    const previewWithGuide = client.action(async (caller) => {
      const preview = await caller.call('surveys.preview', {} as never);
      return caller.call('guides.get', { id: preview.guideId, version: preview.guideVersion });
    });
    previewWithGuide.attach();
    const result = previewWithGuide.attempt(undefined);
    const cancelled = new Error('Cancelled. Nothing was written.');
    pending('surveys.preview')[0].reject(cancelled);
    await expect(result).resolves.toBeNull();
    expect(pending('guides.get')).toHaveLength(0);
    expect(previewWithGuide.getState()).toEqual({ busy: false, error: cancelled });
  });

  it('an earlier run that ends last does not take the busy state from the latest', async () => {
    const { api, pending } = fakeApi();
    const preview = new QueryClient(api).action((caller, sheet: string) => caller.call('surveys.preview', { sheet } as never));
    preview.attach();
    const first = preview.attempt('Ark1');
    const second = preview.attempt('Ark2');
    pending('surveys.preview')[0].resolve({ sheetName: 'Ark1' });
    await first;
    expect(preview.getState().busy).toBe(true);
    pending('surveys.preview')[1].resolve({ sheetName: 'Ark2' });
    await expect(second).resolves.toEqual({ value: { sheetName: 'Ark2' } });
    expect(preview.getState().busy).toBe(false);
  });
});
