// `kartlegg verify`: integrity and foreign-key check of the database.
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'verify',
  summary: 'Check the database (integrity and foreign keys)',
  async run({ dataDir }) {
    const report = await withRuntime(dataDir, (runtime) => call(runtime, 'system.verify', {}), { worksInRecovery: true });
    console.log(`integrity_check: ${report.integrity}`);
    console.log(`foreign_key_check: ${report.foreignKeyProblems} problem(s)`);
    if (!report.ok) process.exitCode = 1;
  },
};
