// The pending-write queue: writes go out one at a time in order, a newer write to the same thing
// replaces a queued older one, and a failed write is retried with backoff until the API accepts it
// or refuses it for good; nothing is dropped silently.

export interface QueueState {
  /** Writes not yet accepted or refused, including the one being sent. */
  pending: number;
  /** The last attempt failed and a retry is scheduled. */
  retrying: boolean;
}

export interface WriteQueueOptions<W> {
  /** Writes with the same key are about the same thing (one item's answer, one note, where the interview is). */
  keyOf(write: W): string;
  /** Joins a queued write with a newer one to the same thing; null when they cancel out (a note added and deleted). */
  combine(queued: W, next: W): W | null;
  send(write: W): Promise<void>;
  /** True when the API refused the write for good (bad input, gone); such writes are reported, not retried. */
  isRefusal(error: unknown): boolean;
  onRefused(write: W, error: unknown): void;
  onChange(state: QueueState): void;
  /** Milliseconds to wait before the 1st, 2nd, … retry; the last one repeats. */
  retryDelays?: readonly number[];
  setTimer?(run: () => void, ms: number): unknown;
}

export const defaultRetryDelays = [500, 1000, 2000, 4000, 8000, 15000] as const;

export interface WriteQueue<W> {
  enqueue(write: W): void;
  /** Resolves once every write so far is accepted or refused. */
  idle(): Promise<void>;
  /** Skips the backoff wait, e.g. when the user asks to try again. */
  retryNow(): void;
  state(): QueueState;
}

export function createWriteQueue<W>(options: WriteQueueOptions<W>): WriteQueue<W> {
  const delays = options.retryDelays ?? defaultRetryDelays;
  const setTimer = options.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const queue: W[] = [];
  let sending = false;
  let waiting = false;
  let failures = 0;
  let wake: (() => void) | null = null;
  let idleWaiters: (() => void)[] = [];

  const state = (): QueueState => ({ pending: queue.length, retrying: failures > 0 });
  const changed = () => {
    options.onChange(state());
    if (queue.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  };

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      waiting = true;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        waiting = false;
        wake = null;
        resolve();
      };
      wake = finish;
      setTimer(finish, ms);
    });
  }

  async function drain(): Promise<void> {
    if (sending) return;
    sending = true;
    while (queue.length > 0) {
      const head = queue[0];
      try {
        await options.send(head);
        queue.shift();
        failures = 0;
        changed();
      } catch (error) {
        if (options.isRefusal(error)) {
          queue.shift();
          failures = 0;
          options.onRefused(head, error);
          changed();
        } else {
          failures += 1;
          changed();
          await pause(delays[Math.min(failures - 1, delays.length - 1)]);
        }
      }
    }
    sending = false;
  }

  return {
    enqueue(write) {
      const key = options.keyOf(write);
      // The head is on its way (or waiting for a retry) and cannot change; later entries can.
      const first = sending ? 1 : 0;
      let index = -1;
      for (let i = queue.length - 1; i >= first; i -= 1) {
        if (options.keyOf(queue[i]) === key) {
          index = i;
          break;
        }
      }
      if (index >= 0) {
        const joined = options.combine(queue[index], write);
        if (joined === null) queue.splice(index, 1);
        else queue[index] = joined;
      } else {
        queue.push(write);
      }
      changed();
      void drain();
    },
    idle() {
      if (queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    retryNow() {
      if (waiting) wake?.();
    },
    state,
  };
}
