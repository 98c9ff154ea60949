// The `kartlegg` command: headless commands over the same API registry as the app.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openApiRuntime, type ApiRuntime } from './api/runtime';
import type { MethodName, MethodOutput } from './api/contract';
import { AppError } from './core/errors';
import { formatOrgNumber } from './core/org-number';
import { defaultDataDir, findAppRoot } from './paths';
import { startBrowserServer } from './server/http-server';

const usage = `Usage: kartlegg <command> [options]

Commands:
  serve [--port N]              Serve the app and its API on 127.0.0.1 (browser mode); prints the address to open
  clients list [--json]         List the clients
  verify                        Check the database (integrity and foreign keys)
  help                          Show this text

Options for every command:
  --data-dir D                  The data folder (default: $KARTLEGG_DATA_DIR or ${defaultDataDir()})
`;

interface CliOptions {
  dataDir: string;
  port?: number;
  json: boolean;
}

async function call<M extends MethodName>(runtime: ApiRuntime, method: M, input: unknown): Promise<MethodOutput<M>> {
  const result = await runtime.call(method, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.issues);
  return result.value as MethodOutput<M>;
}

async function withRuntime<T>(options: CliOptions, run: (runtime: ApiRuntime) => Promise<T>): Promise<T> {
  const runtime = await openApiRuntime({ dataDir: options.dataDir, appRoot: findAppRoot() });
  try {
    return await run(runtime);
  } finally {
    await runtime.close();
  }
}

async function serve(options: CliOptions): Promise<void> {
  const appRoot = findAppRoot();
  const staticDir = path.join(appRoot, 'out', 'renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new AppError('not_found', `The user interface is not built (${staticDir} is missing). Run "npm run build" first.`);
  }
  const runtime = await openApiRuntime({ dataDir: options.dataDir, appRoot });
  const server = await startBrowserServer({ runtime, staticDir, port: options.port });
  console.log(`Kartlegg serves ${options.dataDir}`);
  console.log(`Open ${server.url}`);
  const stop = async () => {
    await server.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function listClients(options: CliOptions): Promise<void> {
  const clients = await withRuntime(options, (runtime) => call(runtime, 'clients.list', {}));
  if (options.json) {
    console.log(JSON.stringify(clients, null, 2));
    return;
  }
  if (clients.length === 0) console.log('No clients.');
  for (const client of clients) {
    console.log(`${client.id}  ${client.orgNumber ? formatOrgNumber(client.orgNumber) : '—'.padEnd(11)}  ${client.name}`);
  }
}

async function verify(options: CliOptions): Promise<void> {
  const report = await withRuntime(options, (runtime) => call(runtime, 'system.verify', {}));
  console.log(`integrity_check: ${report.integrity}`);
  console.log(`foreign_key_check: ${report.foreignKeyProblems} problem(s)`);
  if (!report.ok) process.exitCode = 1;
}

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new AppError('bad_request', `--port takes a number from 0 to 65535, not "${values.port}".`);
  }
  const options: CliOptions = {
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir(),
    port,
    json: values.json ?? false,
  };
  const command = positionals.join(' ');
  if (values.help || command === 'help' || command === '') {
    console.log(usage);
    return;
  }
  switch (command) {
    case 'serve':
      return serve(options);
    case 'clients list':
      return listClients(options);
    case 'verify':
      return verify(options);
    default:
      throw new AppError('bad_request', `Unknown command "${command}".\n\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? `kartlegg: ${error.message}` : error);
  process.exit(error instanceof AppError && error.code === 'bad_request' ? 2 : 1);
});
