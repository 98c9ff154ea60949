// Gives each test of a spec its own data folder with `kartlegg serve` running on it, stopped and removed after the test.
import { test } from '@playwright/test';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from './server';

/** What the current test runs against; a test that restarts the server puts the new one in `server`. */
export interface FreshServer {
  dataDir: string;
  server: RunningServer;
}

export function freshServerPerTest(): FreshServer {
  const fresh = {} as FreshServer;
  test.beforeEach(async () => {
    fresh.dataDir = makeDataDir();
    fresh.server = await startServer(fresh.dataDir);
  });
  test.afterEach(async () => {
    await fresh.server.stop();
    removeDataDir(fresh.dataDir);
  });
  return fresh;
}
