// `kartlegg assessments list`.
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';

export const assessmentsListCommand: CliCommand = {
  name: 'assessments list',
  usage: 'assessments list [--json]',
  summary: 'List the assessments',
  options: { json: { type: 'boolean' } },
  async run({ dataDir, values }) {
    const assessments = await withRuntime(dataDir, (runtime) => call(runtime, 'assessments.list', {}));
    if (values.json) {
      console.log(JSON.stringify(assessments, null, 2));
      return;
    }
    if (assessments.length === 0) console.log('No assessments.');
    for (const a of assessments) console.log(`${a.id}  ${a.status.padEnd(11)}  ${a.clientName}: ${a.title}`);
  },
};
