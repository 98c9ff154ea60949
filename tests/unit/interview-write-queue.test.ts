import { describe, expect, it } from 'vitest';
import { combineWrites, writeKey, type InterviewWrite } from '../../src-renderer/features/interview/logic/interview-writes';
import { createWriteQueue, type QueueState } from '../../src-renderer/features/interview/logic/write-queue';

class Refused extends Error {}

/** A fake API: records what arrives, answers each call when the test says so. */
function harness(options: { retryDelays?: number[] } = {}) {
  const sent: InterviewWrite[] = [];
  const calls: { write: InterviewWrite; resolve(): void; reject(error: unknown): void }[] = [];
  const refused: { write: InterviewWrite; error: unknown }[] = [];
  const states: QueueState[] = [];
  const timers: { run(): void; ms: number }[] = [];
  const queue = createWriteQueue<InterviewWrite>({
    keyOf: writeKey,
    combine: combineWrites,
    send: (write) =>
      new Promise<void>((resolve, reject) => {
        calls.push({
          write,
          resolve: () => {
            sent.push(write);
            resolve();
          },
          reject,
        });
      }),
    isRefusal: (error) => error instanceof Refused,
    onRefused: (write, error) => refused.push({ write, error }),
    onChange: (state) => states.push(state),
    retryDelays: options.retryDelays ?? [100, 200, 400],
    setTimer: (run, ms) => timers.push({ run, ms }),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { queue, sent, calls, refused, states, timers, settle };
}

const save = (itemId: string, value: number): InterviewWrite => ({
  kind: 'answer.save',
  interviewId: 'i1',
  itemId,
  answer: { kind: 'consensus', value, participants: 3 },
  followUp: false,
});
const progress = (currentItemId: string): InterviewWrite => ({ kind: 'progress', interviewId: 'i1', currentItemId, status: 'in_progress' });

describe('the interview write queue', () => {
  it('sends writes one at a time, in the order they were made', async () => {
    const { queue, calls, sent, settle } = harness();
    queue.enqueue(save('a', 1));
    queue.enqueue(progress('b'));
    queue.enqueue(save('b', 2));
    expect(calls).toHaveLength(1);
    for (let i = 0; i < 3; i += 1) {
      calls[i].resolve();
      await settle();
    }
    expect(sent).toEqual([save('a', 1), progress('b'), save('b', 2)]);
    expect(queue.state()).toEqual({ pending: 0, retrying: false });
  });

  it('lets the newest write to an item replace a queued one, but never the one on its way', async () => {
    const { queue, calls, sent, settle } = harness();
    queue.enqueue(save('a', 1));
    queue.enqueue(save('a', 2));
    queue.enqueue(progress('a'));
    queue.enqueue(save('a', 3));
    queue.enqueue(save('a', 4));
    expect(queue.state().pending).toBe(3);
    while (calls.length > sent.length) {
      calls[sent.length].resolve();
      await settle();
    }
    expect(sent).toEqual([save('a', 1), save('a', 4), progress('a')]);
  });

  it('never sends a note that was deleted before it was added, and gives a queued note its latest text', async () => {
    const { queue, calls, sent, settle } = harness();
    queue.enqueue(progress('x'));
    queue.enqueue({ kind: 'note.add', interviewId: 'i1', localId: 'n1', factorId: 'f', noteKind: 'note', text: 'first' });
    queue.enqueue({ kind: 'note.update', localId: 'n1', noteKind: 'quote', text: 'second' });
    queue.enqueue({ kind: 'note.add', interviewId: 'i1', localId: 'n2', factorId: 'f', noteKind: 'note', text: 'gone' });
    queue.enqueue({ kind: 'note.delete', localId: 'n2' });
    while (calls.length > sent.length) {
      calls[sent.length].resolve();
      await settle();
    }
    expect(sent).toEqual([progress('x'), { kind: 'note.add', interviewId: 'i1', localId: 'n1', factorId: 'f', noteKind: 'quote', text: 'second' }]);
  });

  it('retries a failed write with growing waits until it is accepted, and keeps later writes behind it', async () => {
    const { queue, calls, sent, timers, states, settle } = harness();
    queue.enqueue(save('a', 1));
    queue.enqueue(save('b', 2));
    for (const expectedWait of [100, 200, 400, 400]) {
      calls[calls.length - 1].reject(new Error('server away'));
      await settle();
      expect(queue.state()).toEqual({ pending: 2, retrying: true });
      expect(timers.at(-1)!.ms).toBe(expectedWait);
      timers.at(-1)!.run();
      await settle();
    }
    expect(calls.map((c) => c.write)).toEqual([save('a', 1), save('a', 1), save('a', 1), save('a', 1), save('a', 1)]);
    calls.at(-1)!.resolve();
    await settle();
    expect(queue.state()).toEqual({ pending: 1, retrying: false });
    calls.at(-1)!.resolve();
    await settle();
    expect(sent).toEqual([save('a', 1), save('b', 2)]);
    expect(states.some((s) => s.retrying)).toBe(true);
    expect(states.at(-1)).toEqual({ pending: 0, retrying: false });
  });

  it('reports a refused write once, without retrying it, and goes on with the rest', async () => {
    const { queue, calls, sent, refused, timers, settle } = harness();
    queue.enqueue(save('a', 9));
    queue.enqueue(save('b', 2));
    const error = new Refused('9 is not on the scale');
    calls[0].reject(error);
    await settle();
    expect(refused).toEqual([{ write: save('a', 9), error }]);
    expect(timers).toHaveLength(0);
    calls[1].resolve();
    await settle();
    expect(sent).toEqual([save('b', 2)]);
  });

  it('resolves idle() once every write is through, and retries at once when asked', async () => {
    const { queue, calls, timers, settle } = harness();
    let idle = false;
    queue.enqueue(save('a', 1));
    void queue.idle().then(() => (idle = true));
    calls[0].reject(new Error('server away'));
    await settle();
    expect(timers).toHaveLength(1);
    queue.retryNow();
    await settle();
    expect(calls).toHaveLength(2);
    expect(idle).toBe(false);
    calls[1].resolve();
    await settle();
    expect(idle).toBe(true);
  });
});
