// `kartlegg survey imports` and `kartlegg survey undo`: an assessment's survey import batches, listed
// and undone as a whole, through the API.
import { AppError } from '../../core/errors';
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';

export const surveyImportsCommand: CliCommand = {
  name: 'survey imports',
  usage: 'survey imports <assessment-id> [--json]',
  summary: "List the survey files imported into an assessment, each with its groups and respondents",
  options: { json: { type: 'boolean' } },
  async run({ dataDir, values, args }) {
    if (args.length !== 1) throw new AppError('bad_request', 'Name one assessment id (see "kartlegg assessments list").');
    const batches = await withRuntime(dataDir, (runtime) => call(runtime, 'surveys.imports', { assessmentId: args[0] }));
    if (values.json) {
      console.log(JSON.stringify(batches, null, 2));
      return;
    }
    if (batches.length === 0) console.log('No survey imports.');
    for (const batch of batches) {
      const groups = batch.groups.map((group) => `${group.group} (${group.respondents})`).join(', ');
      console.log(`${batch.id}  ${batch.importedAt}  ${batch.fileName}: ${batch.respondents} respondents; ${groups}`);
    }
  },
};

export const surveyUndoCommand: CliCommand = {
  name: 'survey undo',
  usage: 'survey undo <import-id>',
  summary: 'Undo a survey import as a whole (its interviews and respondents), after a backup',
  options: {},
  async run({ dataDir, args }) {
    if (args.length !== 1) throw new AppError('bad_request', 'Name one import id (see "kartlegg survey imports").');
    const undone = await withRuntime(dataDir, (runtime) => call(runtime, 'surveys.undoImport', { importId: args[0] }));
    console.log(`Undone: ${undone.respondents} respondents in ${undone.interviews} interviews removed${undone.backup ? ` (backup ${undone.backup})` : ''}.`);
  },
};
