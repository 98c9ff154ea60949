// The registry holds exactly one handler per contract method; the contract holds each name once.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type MethodName } from '../../src-main/api/contract';
import { clientHandlers } from '../../src-main/api/handlers/clients';
import { settingsHandlers } from '../../src-main/api/handlers/settings';
import { systemHandlers } from '../../src-main/api/handlers/system';
import { joinMethodGroups, method } from '../../src-main/api/method';
import { createRegistry, type Handlers } from '../../src-main/api/registry';
import { findAppRoot } from '../../src-main/paths';

type HandlerGroup = Partial<Handlers<MethodName>>;

/** Every handler group the modules in src-main/api/handlers export (names ending in "Handlers"), so a
 * new module is covered without editing this test. */
async function loadRealHandlerGroups(): Promise<HandlerGroup[]> {
  const dir = path.join(findAppRoot(), 'src-main', 'api', 'handlers');
  const groups: HandlerGroup[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts')).sort()) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (name.endsWith('Handlers')) groups.push(value as HandlerGroup);
    }
  }
  return groups;
}

let allGroups: HandlerGroup[];

beforeAll(async () => {
  allGroups = await loadRealHandlerGroups();
});

const withoutHandler = (groups: HandlerGroup[]) =>
  Object.keys(contract).filter((name) => !groups.some((group) => Object.hasOwn(group, name)));

describe('createRegistry', () => {
  it('accepts the real handler groups, which cover the contract', () => {
    expect(() => createRegistry(...allGroups)).not.toThrow();
  });

  it('refuses a handler registered twice', () => {
    const again: Partial<Handlers<MethodName>> = { 'settings.get': settingsHandlers['settings.get'] };
    expect(() => createRegistry(...allGroups, again)).toThrow('API handler "settings.get" is registered twice');
  });

  it('found the handler modules', () => {
    expect(allGroups).toEqual(expect.arrayContaining([clientHandlers, settingsHandlers, systemHandlers]));
    expect(withoutHandler(allGroups)).toEqual([]);
  });

  it('refuses a whole group registered twice', () => {
    expect(() => createRegistry(...allGroups, systemHandlers)).toThrow(/registered twice/);
  });

  it('refuses a handler with no method in the contract', () => {
    const extra = { 'clients.archive': () => ({ archived: true }) } as unknown as Partial<Handlers<MethodName>>;
    expect(() => createRegistry(...allGroups, extra)).toThrow('API handler "clients.archive" has no method in the contract');
  });

  it.each(['__proto__', 'toString', 'constructor'])('refuses a handler named like an Object property (%s)', (name) => {
    const extra = Object.defineProperty({}, name, { value: () => null, enumerable: true }) as Partial<Handlers<MethodName>>;
    expect(() => createRegistry(...allGroups, extra)).toThrow(`API handler "${name}" has no method in the contract`);
  });

  it('refuses a contract method without a handler, naming it', () => {
    const { 'system.verify': _verify, ...withoutVerify } = systemHandlers;
    const others = allGroups.filter((group) => group !== systemHandlers);
    expect(() => createRegistry(...others, withoutVerify)).toThrow('API methods without a handler: system.verify');
  });

  it('names every method without a handler, in contract order', () => {
    const expected = withoutHandler([clientHandlers]);
    expect(expected).toContain('settings.get');
    expect(() => createRegistry(clientHandlers)).toThrow(`API methods without a handler: ${expected.join(', ')}`);
  });

  it('refuses no groups at all', () => {
    expect(() => createRegistry()).toThrow(`API methods without a handler: ${Object.keys(contract).join(', ')}`);
  });
});

describe('joinMethodGroups', () => {
  const ping = method<string>()({ summary: 'Answers pong.', input: z.object({}).strict() });
  const echo = method<string>()({ summary: 'Answers its input.', input: z.object({ text: z.string() }).strict() });

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
