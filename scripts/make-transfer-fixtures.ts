// Writes the package and survey fixtures in tests/fixtures/packages and tests/fixtures/surveys, once; the
// bytes are committed and the tests only read them. Run: npx tsx scripts/make-transfer-fixtures.ts
// (the LibreOffice XLSX needs `soffice`: apt-get install -y --no-install-recommends libreoffice-calc-nogui).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import iconv from 'iconv-lite';
import type { AssessmentPart, ClientPart, PackageContent } from '../src-main/core/package-records';
import { encryptPackage } from '../src-main/transfer/encryption';
import { bytesSha256 } from '../src-main/transfer/package-format';
import { zipPackage } from '../src-main/transfer/package-writer';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packages = path.join(root, 'tests/fixtures/packages');
const surveys = path.join(root, 'tests/fixtures/surveys');
mkdirSync(packages, { recursive: true });
mkdirSync(surveys, { recursive: true });

const t = '2025-02-03T08:00:00.000Z';
const ids = {
  client: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5',
  unit: '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  assessment: '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  interview: '9c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
  note: 'ad5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80',
  finding: 'be6f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8091',
  measure: 'cf7a8b9c-0d1e-4f2a-9b4c-5d6e7f8091a2',
  revision: 'd08b9c0d-1e2f-4a3b-8c5d-6e7f8091a2b3',
  report: 'e19c0d1e-2f3a-4b4c-9d6e-7f8091a2b3c4',
};

const clientPart: ClientPart = {
  client: {
    id: ids.client,
    name: 'Fjordglans Renhold AS',
    orgNumber: '923609016',
    naceCode: '81.21',
    address: 'Strandkaien 4',
    postalCode: '5013',
    city: 'Bergen',
    contactName: 'Daglig leder',
    contactEmail: 'post@fjordglans.example',
    contactPhone: '55 00 00 00',
    notes: '',
    createdAt: t,
    updatedAt: t,
  },
  units: [{ id: ids.unit, name: 'Kontorbygg sentrum', address: 'Strandkaien 4', description: 'Nattrenhold', createdAt: t, updatedAt: t }],
};

function assessmentPart(): AssessmentPart {
  return {
    assessment: {
      id: ids.assessment,
      clientId: ids.client,
      unitId: ids.unit,
      title: 'Kartlegging 2024',
      mandate: 'Psykososialt arbeidsmiljø, nattrenhold.',
      method: 'group',
      consultant: 'BHT-rådgiver',
      plannedStart: '2024-03-01',
      plannedEnd: '2024-03-15',
      guideId: 'psychosocial-cleaning',
      guideVersion: '1.0.0',
      modules: [],
      minGroupSize: 5,
      status: 'issued',
      revision: 1,
      priorAssessmentId: null,
      followUpDate: '2024-09-01',
      conclusions: '',
      noResultsReason: '',
      createdAt: t,
      updatedAt: t,
      sensitiveItemIds: [],
    },
    interviews: [
      {
        id: ids.interview,
        groupName: 'Nattskift',
        kind: 'group',
        respondentRole: 'employees',
        respondentLanguage: 'pl',
        languages: ['pl', 'nb'],
        interpreterUsed: false,
        expectedParticipants: 6,
        participants: { employee: 6, safetyRepresentative: 0, unionRepresentative: 0, manager: 0, other: 0 },
        plannedAt: '2024-03-04',
        status: 'completed',
        currentItemId: null,
        startedAt: t,
        completedAt: t,
        createdAt: t,
        updatedAt: t,
        answerMode: null,
        heldOn: null,
        heldFrom: null,
        heldUntil: null,
        heldEdited: false,
        answers: [
          { itemId: 'workload.1', answer: { kind: 'consensus', value: 4, participants: 6 }, followUp: false, updatedAt: t },
          { itemId: 'workload.2', answer: { kind: 'tally', votes: { '2': 2, '3': 3, '4': 1 } }, followUp: true, updatedAt: t },
          { itemId: 'workload.3', answer: { kind: 'consensus', value: 3, participants: 6 }, followUp: false, updatedAt: t },
          { itemId: 'workload.4', answer: { kind: 'notApplicable' }, followUp: false, updatedAt: t },
        ],
        notes: [{ id: ids.note, factorId: 'workload', kind: 'quote', text: '«Vi rekker aldri alle etasjene.»', createdAt: t, updatedAt: t }],
        surveyResponses: [],
      },
    ],
    findings: [
      {
        id: ids.finding,
        title: 'For stort areal per vakt',
        factorIds: ['workload'],
        hazard: 'Tidspress',
        causes: 'Arealet er økt uten flere timer',
        exposed: 'Nattskiftet',
        existingMeasures: '',
        likelihood: 4,
        consequence: 3,
        matrixSize: 5,
        level: 'high',
        justification: 'Gruppen beskriver dette som gjentakende.',
        origin: 'proposed',
        status: 'accepted',
        dismissalReason: null,
        needsReview: false,
        number: 1,
        residualLikelihood: null,
        residualConsequence: null,
        residualLevel: null,
        createdAt: t,
        updatedAt: t,
      },
    ],
    measures: [
      {
        id: ids.measure,
        findingId: ids.finding,
        title: 'Gå gjennom arealet per vakt',
        rationale: 'Areal og tid må henge sammen.',
        responsibleRole: 'employer',
        deadline: '2024-06-01',
        priority: 'high',
        status: 'agreed',
        dropReason: null,
        agreedBy: ['employer', 'safetyRepresentative'],
        responsibleName: '',
        agreedOn: null,
        number: 1,
        createdAt: t,
        updatedAt: t,
      },
    ],
    revisions: [{ id: ids.revision, number: 1, frozenAt: t, snapshot: '{"formatVersion":1,"revision":1}' }],
    issuedReports: [
      { id: ids.report, revision: 1, templateId: 'formal-nb', templateVersion: '1.0', language: 'nb', files: '[{"name":"rapport.pdf","sha256":"00"}]', issuedAt: t },
    ],
  };
}

function content(change: (value: PackageContent) => void = () => {}): PackageContent {
  const value: PackageContent = {
    createdAt: t,
    createdBy: { app: 'Kartlegg', version: '0.1.0' },
    guides: [],
    clients: [structuredClone(clientPart)],
    assessments: [assessmentPart()],
  };
  change(value);
  return value;
}

const write = (name: string, bytes: Uint8Array) => writeFileSync(path.join(packages, name), bytes);
const encoder = new TextEncoder();

/** A package as zipPackage writes it, but with its entries changed before zipping (for hostile files). */
function rawPackage(entries: Record<string, Uint8Array>, manifestChange: (manifest: Record<string, unknown>) => void = () => {}): Uint8Array {
  const parts = Object.entries(entries).map(([name, bytes]) => ({
    path: name,
    kind: name.startsWith('guides/') ? 'guide' : name.startsWith('clients/') ? 'client' : 'assessment',
    sha256: bytesSha256(bytes),
    bytes: bytes.length,
  }));
  const manifest: Record<string, unknown> = { format: 'kartlegg-package', formatVersion: 1, createdAt: t, createdBy: { app: 'Kartlegg', version: '0.1.0' }, parts };
  manifestChange(manifest);
  const files: Zippable = { 'manifest.json': encoder.encode(JSON.stringify(manifest, null, 2)) };
  for (const [name, bytes] of Object.entries(entries)) files[name] = bytes;
  return zipSync(files, { mtime: new Date(t) });
}

const json = (value: unknown) => encoder.encode(JSON.stringify(value));

async function makePackages(): Promise<void> {
  write('valid.kartlegg', zipPackage(content()));
  write('encrypted.kartlegg', await encryptPackage(zipPackage(content()), 'riktig passord for test'));

  const guideText = readFileSync(path.join(root, 'tests/fixtures/guides/valid-minimal.json'), 'utf8');
  write(
    'guide-in-package.kartlegg',
    zipPackage(
      content((value) => {
        value.guides = [{ id: 'example-workload', version: '1.0', content: guideText }];
        const part = value.assessments[0];
        part.assessment.guideId = 'example-workload';
        part.assessment.guideVersion = '1.0';
        part.interviews[0].answers = [{ itemId: 'workload-time', answer: { kind: 'consensus', value: 2, participants: 6 }, followUp: false, updatedAt: t }];
        part.interviews[0].notes = [];
      }),
    ),
  );

  // Format version 0: one data.json; answers only as consensus (value null: not applicable).
  const v1 = assessmentPart();
  const { interviews, findings, measures, revisions, assessment } = v1;
  const dataV0 = {
    guides: [],
    clients: [{ ...clientPart.client, units: clientPart.units }],
    assessments: [
      {
        ...assessment,
        status: 'completed',
        interviews: interviews.map(({ answers, surveyResponses: _s, ...interview }) => ({
          ...interview,
          answers: answers
            .filter((a) => a.answer.kind !== 'tally')
            .map((a) => ({
              itemId: a.itemId,
              value: a.answer.kind === 'consensus' ? a.answer.value : null,
              participants: a.answer.kind === 'consensus' ? a.answer.participants : 1,
              followUp: a.followUp,
              updatedAt: a.updatedAt,
            })),
        })),
        findings: findings.map(({ level: _level, ...finding }) => finding),
        measures,
        revisions,
      },
    ],
  };
  const dataBytes = encoder.encode(JSON.stringify(dataV0, null, 2));
  const manifestV0 = { format: 'kartlegg-package', formatVersion: 0, exportedAt: t, app: '0.0.9', files: [{ name: 'data.json', sha256: bytesSha256(dataBytes) }] };
  write('v0-minimal.kartlegg', zipSync({ 'manifest.json': encoder.encode(JSON.stringify(manifestV0, null, 2)), 'data.json': dataBytes }, { mtime: new Date(t) }));

  const valid = zipPackage(content());
  const clientBytes = json(clientPart);
  const assessmentBytes = json(assessmentPart());
  write('newer-format.kartlegg', rawPackage({ 'clients/1.json': clientBytes, 'assessments/1.json': assessmentBytes }, (m) => (m.formatVersion = 99)));
  write('truncated.kartlegg', valid.subarray(0, Math.floor(valid.length / 2)));
  write('not-a-package.kartlegg', encoder.encode('Dette er bare tekst, ikke en pakke.\n'));

  // One part altered after the manifest was written: the checksum no longer matches.
  const altered = json({ ...clientPart, client: { ...clientPart.client, name: 'Endret Renhold AS' } });
  const wrongChecksumFiles: Zippable = {};
  wrongChecksumFiles['manifest.json'] = encoder.encode(
    JSON.stringify({
      format: 'kartlegg-package',
      formatVersion: 1,
      createdAt: t,
      createdBy: { app: 'Kartlegg', version: '0.1.0' },
      parts: [
        { path: 'clients/1.json', kind: 'client', sha256: bytesSha256(clientBytes), bytes: altered.length },
        { path: 'assessments/1.json', kind: 'assessment', sha256: bytesSha256(assessmentBytes), bytes: assessmentBytes.length },
      ],
    }),
  );
  wrongChecksumFiles['clients/1.json'] = altered;
  wrongChecksumFiles['assessments/1.json'] = assessmentBytes;
  write('wrong-checksum.kartlegg', zipSync(wrongChecksumFiles, { mtime: new Date(t) }));

  // 100 MB of spaces in one entry: over the 64 MB cap for one entry.
  write('zip-bomb-entry.kartlegg', rawPackage({ 'clients/1.json': clientBytes, 'assessments/1.json': new Uint8Array(100 * 1024 * 1024).fill(32) }));
  // The same, with the sizes in the zip's headers lowered to 1000 bytes: the cap must hold while inflating.
  write('zip-bomb-lying.kartlegg', lieAboutSizes(rawPackage({ 'assessments/1.json': new Uint8Array(100 * 1024 * 1024).fill(32) }), 1000));
  // Five entries of 60 MB: each under the entry cap, together over the 256 MB cap.
  const big = new Uint8Array(60 * 1024 * 1024).fill(32);
  write('zip-bomb-total.kartlegg', rawPackage(Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`assessments/${n}.json`, big]))));
  const many: Zippable = {};
  for (let i = 0; i < 5001; i++) many[`guides/${i}.json`] = new Uint8Array(0);
  write('too-many-entries.kartlegg', zipSync(many));
  write('path-escape.kartlegg', zipSync({ 'manifest.json': json({}), '../../evil.json': json({}) }));
  write('absolute-path.kartlegg', zipSync({ 'manifest.json': json({}), '/etc/cron.d/evil': json({}) }));
  write('unlisted-part.kartlegg', (() => {
    const files: Zippable = {};
    const manifest = { format: 'kartlegg-package', formatVersion: 1, createdAt: t, createdBy: { app: 'Kartlegg', version: '0.1.0' }, parts: [
      { path: 'clients/1.json', kind: 'client', sha256: bytesSha256(clientBytes), bytes: clientBytes.length },
      { path: 'assessments/1.json', kind: 'assessment', sha256: bytesSha256(assessmentBytes), bytes: assessmentBytes.length },
    ] };
    files['manifest.json'] = json(manifest);
    files['clients/1.json'] = clientBytes;
    files['assessments/1.json'] = assessmentBytes;
    files['extra/run-me.sh'] = encoder.encode('#!/bin/sh\n');
    return zipSync(files, { mtime: new Date(t) });
  })());

  const huge = structuredClone(clientPart);
  huge.client.name = 'A'.repeat(1_000_000);
  write('huge-string.kartlegg', rawPackage({ 'clients/1.json': json(huge), 'assessments/1.json': assessmentBytes }));
  const wrongType = assessmentPart() as unknown as { assessment: Record<string, unknown> };
  wrongType.assessment.minGroupSize = 'fem';
  write('wrong-types.kartlegg', rawPackage({ 'clients/1.json': clientBytes, 'assessments/1.json': json(wrongType) }));
  const duplicate = assessmentPart();
  duplicate.interviews.push({ ...duplicate.interviews[0], notes: [], groupName: 'Dagskift' });
  write('duplicate-ids.kartlegg', rawPackage({ 'clients/1.json': clientBytes, 'assessments/1.json': json(duplicate) }));
  const unknownGuide = assessmentPart();
  unknownGuide.assessment.guideId = 'ukjent-veileder';
  unknownGuide.assessment.guideVersion = '9.9';
  write('missing-guide.kartlegg', rawPackage({ 'clients/1.json': clientBytes, 'assessments/1.json': json(unknownGuide) }));
  const strayAnswer = assessmentPart();
  strayAnswer.interviews[0].answers.push({ itemId: 'finnes-ikke.1', answer: { kind: 'consensus', value: 3, participants: 6 }, followUp: false, updatedAt: t });
  write('answer-not-in-guide.kartlegg', rawPackage({ 'clients/1.json': clientBytes, 'assessments/1.json': json(strayAnswer) }));
  const offScale = assessmentPart();
  offScale.interviews[0].answers[0] = { itemId: 'workload.1', answer: { kind: 'consensus', value: 9, participants: 6 }, followUp: false, updatedAt: t };
  write('answer-off-scale.kartlegg', rawPackage({ 'clients/1.json': clientBytes, 'assessments/1.json': json(offScale) }));
  const brokenMeasure = assessmentPart();
  brokenMeasure.measures[0].findingId = 'f28b9c0d-1e2f-4a3b-8c5d-6e7f8091a2b3';
  write('broken-reference.kartlegg', rawPackage({ 'clients/1.json': clientBytes, 'assessments/1.json': json(brokenMeasure) }));
  write('missing-part.kartlegg', (() => {
    const files: Zippable = {
      'manifest.json': json({ format: 'kartlegg-package', formatVersion: 1, createdAt: t, createdBy: { app: 'Kartlegg', version: '0.1.0' }, parts: [
        { path: 'clients/1.json', kind: 'client', sha256: bytesSha256(clientBytes), bytes: clientBytes.length },
        { path: 'assessments/1.json', kind: 'assessment', sha256: bytesSha256(assessmentBytes), bytes: assessmentBytes.length },
      ] }),
      'clients/1.json': clientBytes,
    };
    return zipSync(files, { mtime: new Date(t) });
  })());
}

/** Lowers the uncompressed sizes that the local and central headers declare, as a hostile zip would. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 4 <= bytes.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && at + 30 <= bytes.length) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && at + 46 <= bytes.length) view.setUint32(at + 24, size, true);
  }
  return bytes;
}

// ---- surveys ----

const groups = ['Dagskift', 'Nattskift'];
const nbLabels = {
  frequency: ['Aldri', 'Sjelden', 'Noen ganger', 'Ofte', 'Alltid'],
  agreement: ['Helt uenig', 'Uenig', 'Verken enig eller uenig', 'Enig', 'Helt enig'],
};
const columns = [
  { id: 'workload.1', nb: 'Jeg har for mye arbeid på en vakt.', scale: 'frequency' },
  { id: 'workload.2', nb: 'Jeg må jobbe lenger enn planlagt for å bli ferdig.', scale: 'frequency' },
  { id: 'workload.3', nb: 'Området jeg skal vaske, er for stort for tiden jeg har.', scale: 'frequency' },
  { id: 'workload.4', nb: 'Jeg har nok tid til å gjøre jobben ordentlig.', scale: 'agreement' },
  { id: 'pace.1', nb: 'Jeg må jobbe veldig fort.', scale: 'frequency' },
  { id: 'pace.2', nb: 'Jeg får tatt pausene mine.', scale: 'frequency' },
  { id: 'pace.3', nb: 'Jeg må skynde meg mellom stedene jeg skal vaske.', scale: 'frequency' },
  { id: 'pace.4', nb: 'Jeg blir stresset av tempoet på jobben.', scale: 'frequency' },
] as const;

/** A fixed pseudo-random answer, so the fixture is the same every time it is written. */
const answerFor = (row: number, column: number) => ((row * 7 + column * 3) % 5) + 1;

function csvField(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

function makeSurveys(): void {
  // Norwegian Excel, "CSV (semikolondelt)": Windows-1252, semicolons, CRLF, headings as the items' text,
  // answers as the scale's bokmål labels (some as numbers), a comment with a line break and a semicolon.
  const header = ['Respondent', 'Gruppe', 'Språk', 'Dato', ...columns.map((c) => c.nb), 'Kommentar'];
  const lines = [header.map((h) => csvField(h, ';')).join(';')];
  for (let row = 1; row <= 12; row++) {
    const answers = columns.map((column, i) => {
      const value = answerFor(row, i);
      return row % 4 === 0 ? String(value) : nbLabels[column.scale][value - 1];
    });
    const comment = row === 3 ? 'For lite tid;\nfor store områder' : row === 5 ? 'Sjefen sier «bra jobbet»' : '';
    lines.push(
      [`R${row}`, groups[row % 2], row % 3 === 0 ? 'pl' : 'Norsk bokmål', `${String(row).padStart(2, '0')}.01.2025`, ...answers, comment]
        .map((cell) => csvField(cell, ';'))
        .join(';'),
    );
  }
  writeFileSync(path.join(surveys, 'norsk-excel.csv'), iconv.encode(`${lines.join('\r\n')}\r\n`, 'windows-1252'));

  // UTF-8 with BOM and commas, with cells to reject: off the scale, an unknown label, a decimal, a bad language and a bad date.
  const bad = ['group,language,date,workload.1,workload.2,workload.3,workload.4,pace.1'];
  bad.push('Dagskift,nb,2025-01-10,Often,Never,3,Agree,2');
  bad.push('Dagskift,pl,2025-01-11,6,Never,3,Agree,2');
  bad.push('Dagskift,nb,2025-01-12,Often,kanskje,3,Agree,2');
  bad.push('Nattskift,klingon,2025-01-13,"3,5",Never,3,Agree,2');
  bad.push('Nattskift,en,32.01.2025,Often,Never,3,Agree,2');
  bad.push('Nattskift,en,2025-01-14,Always,Seldom,"Noen ganger",Enig,1');
  bad.push(',,,,,,,');
  writeFileSync(path.join(surveys, 'med-feil.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${bad.join('\n')}\n`, 'utf8')]));

  // LibreOffice Calc's own XLSX: item ids as headings, English labels and numbers, real date cells.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kartlegg-fixture-'));
  try {
    const csv = ['Group;Language;Date;workload.1;workload.2;workload.3;workload.4;pace.1;pace.2;pace.3;pace.4'];
    const en = { frequency: ['Never', 'Seldom', 'Sometimes', 'Often', 'Always'], agreement: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] };
    for (let row = 1; row <= 10; row++) {
      const answers = columns.map((column, i) => (row % 2 === 0 ? String(answerFor(row, i)) : en[column.scale][answerFor(row, i) - 1]));
      csv.push([row <= 5 ? 'Kontor' : 'Sykehus', row % 2 ? 'en' : 'pl', `2025-02-${String(row).padStart(2, '0')}`, ...answers].join(';'));
    }
    const source = path.join(tmp, 'libreoffice.csv');
    writeFileSync(source, `${csv.join('\n')}\n`);
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${tmp}/profile`, '--infilter=CSV:59,34,76,1,,1044,false,true', '--convert-to', 'xlsx', '--outdir', tmp, source],
      { stdio: 'inherit' },
    );
    writeFileSync(path.join(surveys, 'libreoffice.xlsx'), readFileSync(path.join(tmp, 'libreoffice.xlsx')));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await makePackages();
makeSurveys();
console.log('Wrote the fixtures in tests/fixtures/packages and tests/fixtures/surveys.');
