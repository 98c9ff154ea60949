// `kartlegg survey preview` and `kartlegg survey import`: a survey file read against an assessment's guide,
// and its respondents imported into the assessment, through the API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SurveyPreview } from '../../api/methods/transfer';
import type { ApiRuntime } from '../../api/runtime';
import { AppError } from '../../core/errors';
import { call, withRuntime } from '../api';
import type { CliCommand, CliInvocation } from '../command';
import { readMappingFile, targetsFromMapping } from '../survey-mapping-file';

const shownCells = 50;

function upload(args: string[]): { fileName: string; contentBase64: string } {
  if (args.length !== 1) throw new AppError('bad_request', 'Name the survey file (CSV, TXT or XLSX).');
  try {
    return { fileName: path.basename(args[0]), contentBase64: readFileSync(path.resolve(args[0])).toString('base64') };
  } catch (error) {
    throw new AppError('not_found', `Cannot read ${args[0]} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}

function assessmentOption(values: CliInvocation['values']): string {
  if (typeof values.assessment !== 'string') throw new AppError('bad_request', 'Say which assessment with --assessment ID (see "kartlegg assessments list").');
  return values.assessment;
}

const sheetOption = (values: CliInvocation['values']) => (typeof values.sheet === 'string' ? values.sheet : undefined);

/** Previews with the suggested targets, then again with the mapping file's, when one is given. */
async function preview(runtime: ApiRuntime, invocation: CliInvocation): Promise<SurveyPreview> {
  const input = { ...upload(invocation.args), guide: { assessmentId: assessmentOption(invocation.values) }, sheet: sheetOption(invocation.values) };
  const first = await call(runtime, 'surveys.preview', input);
  if (typeof invocation.values.mapping !== 'string') return first;
  const targets = targetsFromMapping(readMappingFile(invocation.values.mapping), first.columns);
  return call(runtime, 'surveys.preview', { ...input, targets });
}

function describe(preview: SurveyPreview): string[] {
  const lines = [
    preview.format === 'csv'
      ? `CSV, ${preview.encoding}, delimiter ${preview.delimiter === '\t' ? 'TAB' : `"${preview.delimiter}"`}.`
      : `Sheet "${preview.sheetName}" (sheets: ${preview.sheetNames.join(', ')}).`,
    `${preview.rowCount} row(s): ${preview.validRows} valid, ${preview.rowsWithProblems} with rejected cells, ${preview.emptyRows} empty.`,
    'Columns:',
  ];
  for (const column of preview.columns) {
    const suggestion =
      column.suggestion && column.suggestion.target !== column.target
        ? `  suggested: ${column.suggestion.target} (${Math.round(column.suggestion.confidence * 100)} % alike; confirm it in --mapping)`
        : '';
    lines.push(`  ${column.letter.padEnd(3)} ${column.header.slice(0, 60).padEnd(60)} -> ${column.target} (${column.source})${suggestion}`);
  }
  for (const problem of preview.mappingProblems) lines.push(`Mapping problem: ${problem.kind}${problem.kind === 'duplicateTarget' ? ` ${problem.target} in ${problem.columns.join(', ')}` : ''}`);
  for (const group of preview.groups) lines.push(`Group ${group.group ?? '(default group)'}: ${group.respondents} respondent(s)`);
  if (preview.languages.length) lines.push(`Languages: ${preview.languages.join(', ')}`);
  if (preview.firstDate) lines.push(`Answered ${preview.firstDate} to ${preview.lastDate}`);
  for (const cell of preview.noted.slice(0, shownCells)) {
    lines.push(`Row ${cell.row}, column ${cell.column} (${cell.header}): "${cell.value}" is no known language; the respondent is imported with the language unknown.`);
  }
  if (preview.languageUnknown > 0) lines.push(`${preview.languageUnknown} respondent(s) will be imported with the language unknown.`);
  for (const cell of preview.rejected.slice(0, shownCells)) {
    lines.push(`Rejected: row ${cell.row}${cell.column ? `, column ${cell.column} (${cell.header})` : ''}: "${cell.value}" ${cell.reason}`);
  }
  if (preview.rejectedTotal > shownCells) lines.push(`… and ${preview.rejectedTotal - shownCells} more rejected cell(s).`);
  return lines;
}

export const surveyPreviewCommand: CliCommand = {
  name: 'survey preview',
  usage: 'survey preview <file> --assessment ID [--mapping F] [--sheet S] [--json]',
  summary: "Show how a survey file maps onto the assessment's guide and which cells are rejected; writes nothing",
  options: { assessment: { type: 'string' }, mapping: { type: 'string' }, sheet: { type: 'string' }, json: { type: 'boolean' } },
  async run(invocation) {
    const result = await withRuntime(invocation.dataDir, (runtime) => preview(runtime, invocation));
    if (invocation.values.json) console.log(JSON.stringify(result, null, 2));
    else for (const line of describe(result)) console.log(line);
  },
};

export const surveyImportCommand: CliCommand = {
  name: 'survey import',
  usage: 'survey import <file> --assessment ID [--mapping F] [--sheet S] [--only-valid] [--default-group G]',
  summary: 'Import the respondents of a survey file into the assessment after a backup (suggested close matches only when confirmed in the mapping)',
  options: {
    assessment: { type: 'string' },
    mapping: { type: 'string' },
    sheet: { type: 'string' },
    'only-valid': { type: 'boolean' },
    'default-group': { type: 'string' },
  },
  async run(invocation) {
    const { values } = invocation;
    await withRuntime(invocation.dataDir, async (runtime) => {
      const previewed = await preview(runtime, invocation);
      for (const line of describe(previewed)) console.log(line);
      const result = await call(runtime, 'surveys.import', {
        ...upload(invocation.args),
        // The sheet previewed, whether named or found.
        sheet: previewed.sheetName ?? undefined,
        targets: previewed.columns.map((column) => column.target),
        destination: { kind: 'existing', assessmentId: assessmentOption(values) },
        defaultGroup: typeof values['default-group'] === 'string' ? values['default-group'] : 'Alle',
        onlyValidRows: values['only-valid'] === true,
      });
      console.log(`Imported ${result.respondents} respondent(s) in ${result.interviews} group(s); ${result.leftOut} row(s) with rejected cells left out.`);
      if (result.languageUnknown > 0) console.log(`${result.languageUnknown} respondent(s) were imported with the language unknown.`);
      if (result.backup) console.log(`Backup taken before the import: ${result.backup}`);
    });
  },
};
