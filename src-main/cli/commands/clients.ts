// `kartlegg clients list`.
import { formatOrgNumber } from '../../core/org-number';
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';

export const clientsListCommand: CliCommand = {
  name: 'clients list',
  usage: 'clients list [--json]',
  summary: 'List the clients',
  options: { json: { type: 'boolean' } },
  async run({ dataDir, values }) {
    const clients = await withRuntime(dataDir, (runtime) => call(runtime, 'clients.list', {}));
    if (values.json) {
      console.log(JSON.stringify(clients, null, 2));
      return;
    }
    if (clients.length === 0) console.log('No clients.');
    for (const client of clients) {
      console.log(`${client.id}  ${client.orgNumber ? formatOrgNumber(client.orgNumber) : '—'.padEnd(11)}  ${client.name}`);
    }
  },
};
