// The call gate: calls run side by side, a restore (exclusive) waits for them and runs alone.
import { describe, expect, it } from 'vitest';
import { createCallGate } from '../../src-main/api/call-gate';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('createCallGate', () => {
  it('lets shared calls overlap', async () => {
    const gate = createCallGate();
    const events: string[] = [];
    const first = deferred();
    const a = gate.shared(async () => {
      events.push('a starts');
      await first.promise;
      events.push('a ends');
    });
    const b = gate.shared(async () => {
      events.push('b runs');
    });
    await b;
    first.resolve();
    await a;
    expect(events).toEqual(['a starts', 'b runs', 'a ends']);
  });

  it('starts an exclusive call only after the running calls end, and holds new ones until it is done', async () => {
    const gate = createCallGate();
    const events: string[] = [];
    const running = deferred();
    const restoring = deferred();
    const before = gate.shared(async () => {
      events.push('call before starts');
      await running.promise;
      events.push('call before ends');
    });
    const restore = gate.exclusive(async () => {
      events.push('restore starts');
      await restoring.promise;
      events.push('restore ends');
      return 'restored';
    });
    await Promise.resolve();
    const after = gate.shared(async () => {
      events.push('call after runs');
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toEqual(['call before starts']);
    running.resolve();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toEqual(['call before starts', 'call before ends', 'restore starts']);
    restoring.resolve();
    await expect(restore).resolves.toBe('restored');
    await Promise.all([before, after]);
    expect(events).toEqual(['call before starts', 'call before ends', 'restore starts', 'restore ends', 'call after runs']);
  });

  it('runs exclusive calls one after another, and keeps going after one fails', async () => {
    const gate = createCallGate();
    const events: string[] = [];
    const failing = gate.exclusive(async () => {
      events.push('first');
      throw new Error('the backup is damaged');
    });
    const second = gate.exclusive(async () => {
      events.push('second');
    });
    await expect(failing).rejects.toThrow('damaged');
    await second;
    await gate.shared(async () => events.push('shared'));
    expect(events).toEqual(['first', 'second', 'shared']);
  });
});
