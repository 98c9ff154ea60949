// `kartlegg issue`: issues the revision being edited through the same checklist and approvals as the
// app's "Utsted" dialog; the checklist is printed, and gaps are only issued with on purpose (--accept-gaps).
import { AppError } from '../../core/errors';
import type { Approval } from '../../core/issuing';
import { call, withRuntime } from '../api';
import type { CliCommand } from '../command';

/** "Name;Role;YYYY-MM-DD", as one option per party. */
function approvalOf(option: string, value: unknown): Approval | undefined {
  if (value === undefined) return undefined;
  const parts = String(value).split(';').map((part) => part.trim());
  if (parts.length !== 3 || parts.some((part) => !part)) {
    throw new AppError('bad_request', `--${option} takes "name;role;YYYY-MM-DD", e.g. --${option} "Kari Nordmann;Daglig leder;2027-03-01".`);
  }
  const [name, role, date] = parts;
  return { name, role, date };
}

export const issueCommand: CliCommand = {
  name: 'issue',
  usage: 'issue <assessment-id> --revision N [--employer "name;role;date"] [--safety-rep "name;role;date"] [--accept-gaps]',
  summary: 'Issue the revision being edited after its checklist (the app\'s "Utsted"); then export it with "report"',
  options: {
    revision: { type: 'string' },
    employer: { type: 'string' },
    'safety-rep': { type: 'string' },
    'accept-gaps': { type: 'boolean' },
  },
  async run({ dataDir, values, args }) {
    if (args.length !== 1) throw new AppError('bad_request', 'Name one assessment id (see "kartlegg assessments list").');
    const revision = Number(values.revision);
    if (values.revision === undefined || !Number.isInteger(revision) || revision < 1) {
      throw new AppError('bad_request', 'Confirm the revision you issue with --revision N (the number being edited; see "kartlegg assessments list").');
    }
    const employer = approvalOf('employer', values.employer);
    const safetyRepresentative = approvalOf('safety-rep', values['safety-rep']);
    if (Boolean(employer) !== Boolean(safetyRepresentative)) {
      throw new AppError('bad_request', 'Give both approvals (--employer and --safety-rep), or neither.');
    }
    const approvals = employer && safetyRepresentative ? { employer, safetyRepresentative } : undefined;
    await withRuntime(dataDir, async (runtime) => {
      const checks = await call(runtime, 'revisions.checklist', { assessmentId: args[0], approvals });
      for (const check of checks) console.log(`${check.ok ? '[x]' : '[ ]'} ${check.id}${check.ok ? '' : `: missing ${check.missing.join(', ')}`}`);
      const issued = await call(runtime, 'revisions.issue', { assessmentId: args[0], revision, approvals, acceptGaps: values['accept-gaps'] === true });
      console.log(`Issued revision ${issued.number} (${issued.findingCount} findings, ${issued.measureCount} measures).`);
    });
  },
};
