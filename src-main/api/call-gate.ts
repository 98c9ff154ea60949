// Lets API calls run side by side, except the few that must run alone (restoring a backup, closing).
export interface CallGate {
  /** Runs with other shared calls; waits while an exclusive one runs. */
  shared<T>(run: () => Promise<T>): Promise<T>;
  /** Waits for the running calls to finish, then runs while every other call waits. */
  exclusive<T>(run: () => Promise<T>): Promise<T>;
}

export function createCallGate(): CallGate {
  let running = 0;
  let idle: (() => void)[] = [];
  // The exclusive calls form a queue: each waits for the one before it.
  let exclusiveTail: Promise<void> = Promise.resolve();
  let exclusiveActive: Promise<void> | null = null;

  function finished(): void {
    running--;
    if (running === 0) {
      const waiting = idle;
      idle = [];
      for (const wake of waiting) wake();
    }
  }

  return {
    async shared(run) {
      while (exclusiveActive) await exclusiveActive;
      running++;
      try {
        return await run();
      } finally {
        finished();
      }
    },
    async exclusive(run) {
      const before = exclusiveTail;
      let done!: () => void;
      const turn = new Promise<void>((resolve) => (done = resolve));
      exclusiveTail = before.then(() => turn);
      await before;
      exclusiveActive = turn;
      try {
        while (running > 0) await new Promise<void>((resolve) => idle.push(resolve));
        return await run();
      } finally {
        exclusiveActive = null;
        done();
      }
    },
  };
}
