// The registry holds exactly one handler per contract method; the contract holds each name once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type MethodName } from '../../src-main/api/contract';
import type { ApiContext } from '../../src-main/api/context';
import { guideFreeGroups, handlerGroups, readsGuides } from '../../src-main/api/handler-groups';
import { clientHandlers } from '../../src-main/api/handlers/clients';
import { settingsHandlers } from '../../src-main/api/handlers/settings';
import { systemHandlers } from '../../src-main/api/handlers/system';
import { joinMethodGroups, method } from '../../src-main/api/method';
import { createRegistry, type HandlerGroup, type Handlers } from '../../src-main/api/registry';
import { findAppRoot } from '../../src-main/paths';

/** A group whose handlers are already loaded, counting how often the registry asks for them. */
function eagerGroup(handlers: Partial<Handlers<MethodName>>): HandlerGroup & { loads: number } {
  const group = {
    methods: Object.keys(handlers),
    loads: 0,
    load: async () => {
      group.loads += 1;
      return handlers as Awaited<ReturnType<HandlerGroup['load']>>;
    },
  };
  return group;
}

/** Every handler object the modules in src-main/api/handlers export (names ending in "Handlers"), so a
 * new module is covered without editing this test. */
async function loadRealHandlerModules(): Promise<Record<string, unknown>[]> {
  const dir = path.join(findAppRoot(), 'src-main', 'api', 'handlers');
  const found: Record<string, unknown>[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts')).sort()) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (name.endsWith('Handlers')) found.push(value as Record<string, unknown>);
    }
  }
  return found;
}

const context = { log: () => {} } as unknown as ApiContext;

describe('createRegistry', () => {
  it('accepts the real handler groups, which cover the contract', () => {
    expect(() => createRegistry(...handlerGroups)).not.toThrow();
  });

  it('wires every handler module, and each answers exactly the methods of its contract group', async () => {
    const loaded = await Promise.all(handlerGroups.map((group) => group.load()));
    for (const [i, group] of handlerGroups.entries()) expect(Object.keys(loaded[i]!).sort()).toEqual([...group.methods].sort());
    const modules = await loadRealHandlerModules();
    expect(modules).toEqual(expect.arrayContaining([clientHandlers, settingsHandlers, systemHandlers]));
    expect(new Set(loaded)).toEqual(new Set(modules));
  });

  it('refuses a handler registered twice', () => {
    const again = eagerGroup({ 'settings.get': settingsHandlers['settings.get'] });
    expect(() => createRegistry(...handlerGroups, again)).toThrow('API handler "settings.get" is registered twice');
  });

  it('refuses a whole group registered twice', () => {
    expect(() => createRegistry(...handlerGroups, eagerGroup(systemHandlers))).toThrow(/registered twice/);
  });

  it('refuses a handler with no method in the contract', () => {
    const extra = eagerGroup({ 'clients.archive': () => ({ archived: true }) } as unknown as Partial<Handlers<MethodName>>);
    expect(() => createRegistry(...handlerGroups, extra)).toThrow('API handler "clients.archive" has no method in the contract');
  });

  it.each(['__proto__', 'toString', 'constructor'])('refuses a handler named like an Object property (%s)', (name) => {
    const extra: HandlerGroup = { methods: [name], load: async () => ({}) };
    expect(() => createRegistry(...handlerGroups, extra)).toThrow(`API handler "${name}" has no method in the contract`);
  });

  it('refuses a contract method without a handler, naming it', () => {
    const { 'system.verify': _verify, ...withoutVerify } = systemHandlers;
    const others = handlerGroups.filter((group) => !group.methods.includes('system.verify'));
    expect(() => createRegistry(...others, eagerGroup(withoutVerify))).toThrow('API methods without a handler: system.verify');
  });

  it('names every method without a handler, in contract order', () => {
    const expected = Object.keys(contract).filter((name) => !Object.hasOwn(clientHandlers, name));
    expect(expected).toContain('settings.get');
    expect(() => createRegistry(eagerGroup(clientHandlers))).toThrow(`API methods without a handler: ${expected.join(', ')}`);
  });

  it('refuses no groups at all', () => {
    expect(() => createRegistry()).toThrow(`API methods without a handler: ${Object.keys(contract).join(', ')}`);
  });
});

describe('registry calls', () => {
  const others = (names: readonly string[]) =>
    handlerGroups
      .filter((group) => !group.methods.some((name) => names.includes(name)))
      .map((group) => ({ methods: group.methods, load: () => Promise.reject(new Error(`group of ${group.methods[0]} was loaded`)) }));

  it('loads a group on its first call only, and no other group', async () => {
    const settings = eagerGroup({ 'settings.get': () => ({ organisationName: 'x' }) } as unknown as Partial<Handlers<MethodName>>);
    const rest = Object.keys(settingsHandlers).filter((name) => name !== 'settings.get');
    const settingsRest = eagerGroup(Object.fromEntries(rest.map((name) => [name, () => null])) as Partial<Handlers<MethodName>>);
    const registry = createRegistry(...others(Object.keys(settingsHandlers)), settings, settingsRest);
    expect(settings.loads).toBe(0);
    expect(await registry.call('settings.get', {}, context)).toEqual({ ok: true, value: { organisationName: 'x' } });
    expect(await registry.call('settings.get', {}, context)).toEqual({ ok: true, value: { organisationName: 'x' } });
    expect(settings.loads).toBe(1);
    expect(settingsRest.loads).toBe(0);
  });

  it('checks the input before loading the handler', async () => {
    const clients = eagerGroup(clientHandlers);
    const registry = createRegistry(...others(Object.keys(clientHandlers)), clients);
    const result = await registry.call('clients.get', { id: 42 }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(clients.loads).toBe(0);
  });

  it('answers a handler module that fails to load as an internal error that names the method', async () => {
    const registry = createRegistry(...others([]));
    const result = await registry.call('system.status', {}, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('system.status failed unexpectedly') } });
  });

  it('answers a method its loaded module lacks as an internal error', async () => {
    const hollow: HandlerGroup = { methods: Object.keys(systemHandlers), load: async () => ({}) };
    const registry = createRegistry(...others(Object.keys(systemHandlers)), hollow);
    const result = await registry.call('system.status', {}, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('missing from its module') } });
  });
});

describe('joinMethodGroups', () => {
  const ping = method<string>()({ summary: 'Answers pong.', input: () => z.object({}).strict() });
  const echo = method<string>()({ summary: 'Answers its input.', input: () => z.object({ text: z.string() }).strict() });

  it('builds a method\'s input schema when it is first read, and only once', () => {
    let builds = 0;
    const spec = method<string>()({ summary: 'Counts its builds.', input: () => (builds++, z.object({}).strict()) });
    joinMethodGroups({ 'test.count': spec });
    expect(builds).toBe(0);
    expect(spec.input.safeParse({}).success).toBe(true);
    expect(spec.input.safeParse({ extra: 1 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('joins groups into one contract', () => {
    expect(Object.keys(joinMethodGroups({ 'test.ping': ping }, { 'test.echo': echo }))).toEqual(['test.ping', 'test.echo']);
  });

  it('refuses a name declared in two groups', () => {
    expect(() => joinMethodGroups({ 'test.ping': ping }, { 'test.echo': echo, 'test.ping': echo })).toThrow(
      'API method "test.ping" is declared twice',
    );
  });

  it('holds every method of the real contract once, each with a summary and a strict input schema', () => {
    for (const [name, spec] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(spec.summary.length).toBeGreaterThan(10);
      // Strict schemas refuse unknown fields rather than dropping them silently.
      expect(spec.input.safeParse({ surelyNotAField: 1 }).success).toBe(false);
    }
  });
});

describe('guide-free handler groups', () => {
  /** The handler module's own imports from the handlers folder, followed transitively. */
  function handlerSources(file: string, seen = new Set<string>()): string[] {
    if (seen.has(file)) return [];
    seen.add(file);
    const text = readFileSync(path.join(findAppRoot(), 'src-main', 'api', 'handlers', file), 'utf8');
    const local = [...text.matchAll(/from '\.\/([\w-]+)'/g)].map((m) => `${m[1]}.ts`);
    return [text, ...local.flatMap((next) => handlerSources(next, seen))];
  }

  it.each(guideFreeGroups)('the %s handlers never read the guides', (group) => {
    const sources = handlerSources(`${group}.ts`).join('\n');
    expect(sources).not.toMatch(/\.guides\(|guides\(\)|\{[^}]*\bguides\b[^}]*\}\s*\)/);
    expect(readsGuides(`${group}.list`)).toBe(false);
  });

  it('loads the guides for every other group, and for a method that is no name at all', () => {
    for (const group of handlerGroups) {
      const prefix = group.methods[0]!.split('.')[0]!;
      expect(readsGuides(group.methods[0])).toBe(!guideFreeGroups.includes(prefix));
    }
    expect(readsGuides(42)).toBe(true);
  });
});
