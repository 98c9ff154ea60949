// A draft is not issued, and says so with the day it was made on the consultant's machine: near
// midnight that is not the next day in Norway, and never "utstedt".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReportDocument } from '../../src-main/reports/build-document';
import type { TableBlock } from '../../src-main/reports/model';
import { parseReportTemplate } from '../../src-main/reports/parse-template';
import { plainText } from '../../src-main/reports/template-text';
import { appRoot, fixtureReportData } from '../fixtures/report-fixture';

function template(id: string) {
  const file = path.join(appRoot, 'templates', 'reports', `${id}.json`);
  const parsed = parseReportTemplate(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.template;
}

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

/** A report made at 23:30 UTC on 5 December 2026: 00:30 on the 6th in Oslo. */
function build(id: string, draft: boolean, language?: string) {
  const data = fixtureReportData({ draft, findings: 1, measures: 1 });
  data.snapshot.frozenAt = '2026-12-05T23:30:00.000Z';
  return buildReportDocument(template(id), data, { language });
}

const statusRow = (document: ReturnType<typeof build>) =>
  document.blocks
    .filter((block): block is TableBlock => block.kind === 'table' && block.layout === 'plain')
    .flatMap((block) => block.rows)
    .find((row) => plainText(row[0].runs) === 'Status');

describe('the date on a draft', () => {
  it('is the local day the draft was made, with "Utkast – ikke utstedt", on a machine in UTC', () => {
    process.env.TZ = 'UTC';
    const document = build('risk-assessment-nb', true);
    expect(document.footer).toContain('Utkast – ikke utstedt, laget 5. desember 2026');
    expect(document.footer).not.toMatch(/utstedt 6/i);
    expect(document.footer).not.toMatch(/(^|· )Utstedt/);
    expect(plainText(statusRow(document)![1].runs)).toBe('Utkast – ikke utstedt, laget 5. desember 2026');
  });

  it('follows the machine’s zone: already the 6th in Oslo, still the 5th in New York', () => {
    process.env.TZ = 'Europe/Oslo';
    expect(build('risk-assessment-nb', true).footer).toContain('laget 6. desember 2026');
    process.env.TZ = 'America/New_York';
    expect(build('risk-assessment-en', true).footer).toContain('Draft – not issued, made 5 December 2026');
  });

  it('an issued revision says "Utstedt" with its day in Norway, wherever the machine is', () => {
    process.env.TZ = 'UTC';
    const document = build('risk-assessment-nb', false);
    expect(document.footer).toContain('Utstedt 6. desember 2026');
    expect(document.footer).not.toContain('Utkast');
  });

  it('the action plan\'s facts give the draft status too, not an issue date', () => {
    process.env.TZ = 'UTC';
    expect(plainText(statusRow(build('action-plan', true, 'en'))![1].runs)).toBe('Draft – not issued, made 5 December 2026');
  });
});
