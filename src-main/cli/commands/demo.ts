// `kartlegg demo`: fills a data folder with a fictional cleaning company to look at.
import { withRuntime } from '../api';
import type { CliCommand } from '../command';

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'demo [--json]',
  summary: 'Create a fictional cleaning company with interviews, findings and an action plan',
  options: { json: { type: 'boolean' } },
  async run({ dataDir, values }) {
    const { createDemo } = await import('../../demo/demo-data');
    const ids = await withRuntime(dataDir, (runtime) => createDemo(runtime));
    if (values.json) {
      console.log(JSON.stringify(ids, null, 2));
      return;
    }
    console.log(`Demo data created in ${dataDir}`);
    console.log(`client      ${ids.clientId}`);
    console.log(`assessment  ${ids.assessmentId}`);
    for (const id of ids.interviewIds) console.log(`interview   ${id}`);
    console.log(`${ids.findingIds.length} findings, ${ids.measureIds.length} measures`);
  },
};
