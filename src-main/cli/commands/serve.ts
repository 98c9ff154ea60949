// `kartlegg serve`: browser mode on 127.0.0.1; the API runtime runs in a child process, so issuing a
// report or importing a file never holds up the server that serves the UI.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors';
import { findAppRoot } from '../../paths';
import type { RuntimeHost } from '../../runtime-host/host';
import { call, cliRuntimeOptions } from '../api';
import type { CliCommand } from '../command';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--port N]',
  summary: 'Serve the app and its API on 127.0.0.1 (browser mode); prints the address to open',
  options: { port: { type: 'string' } },
  async run({ dataDir, values }) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) {
      throw new AppError('bad_request', `--port takes a number from 0 to 65535, not "${String(values.port)}".`);
    }
    const appRoot = findAppRoot();
    const outDir = path.join(appRoot, process.env.KARTLEGG_OUT_DIR ?? 'out');
    const staticDir = path.join(outDir, 'renderer');
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      throw new AppError('not_found', `The user interface is not built (${staticDir} is missing). Run "npm run build" first.`);
    }
    // Loaded here, not at start-up, so that other commands never load the server or the host.
    const { startBrowserServer } = await import('../../server/http-server');
    const { openNodeRuntimeHost } = await import('../../runtime-host/node-host');
    const runtime = await openNodeRuntimeHost({ options: cliRuntimeOptions(dataDir), entry: path.join(outDir, 'main', 'runtime-worker.cjs') });
    const server = await startBrowserServer({ runtime, staticDir, port });
    console.log(`Kartlegg serves ${dataDir}`);
    await reportRecovery(runtime);
    console.log(`Open ${server.url}`);
    const stop = async () => {
      await server.close();
      await runtime.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
};

/** A damaged database is not replaced silently: say so, and what the browser will offer. */
async function reportRecovery(runtime: RuntimeHost): Promise<void> {
  const status = await call(runtime, 'system.status', {});
  if (status.state === 'locked') {
    console.log('The data folder is encrypted: the app opens on its unlock screen and asks for the passphrase.');
    return;
  }
  if (status.state !== 'recovery') return;
  const backups = await call(runtime, 'backups.list', { check: true });
  const good = backups.filter((backup) => backup.check === 'ok');
  console.log('');
  console.log(`THE DATABASE COULD NOT BE OPENED: ${status.problem}`);
  console.log(
    good.length
      ? `The app opens on its recovery screen. The newest good backup is ${good[0].name} (${good.length} good of ${backups.length}).`
      : `There is no good backup to restore (${backups.length} found). Nothing has been changed.`,
  );
  console.log('Restore from the browser, or stop this and run "kartlegg restore <backup name>".');
  console.log('');
}
