// The fixed texts the built-in blocks write (column headings, level and status names), in bokmål
// and English. Templates in other languages cannot use those blocks (the template check says so).
import type { AssessmentMethod, ParticipantRole } from '../core/assessments';
import type { Change } from '../core/comparison';
import type { MeasurePriority, MeasureStatus, ResponsibleRole } from '../core/risk';
import type { RiskLevel } from '../core/risk-matrix';
import type { TrafficLight } from '../core/traffic-light';
import { measurePriorityLabels, measureStatusLabels, responsibleRoleLabels } from '../core/risk-labels';

export interface ReportLabels {
  draft: string;
  factor: string;
  score: string;
  light: string;
  respondents: string;
  lights: Record<TrafficLight, string>;
  noScore: string;
  withheld: string;
  /** {min} is the minimum group size. */
  withheldNote: string;
  scoreAxis: string;
  thresholds: string;
  factorChartTitle: string;
  /** {score}, {light} and {n}. */
  scoreSentence: string;
  noScoreSentence: string;
  withheldSentence: string;
  quotes: string;
  legalBasisOfFactor: string;
  item: string;
  notApplicable: string;
  answers: string;
  distributionTitle: string;
  distributionAxis: string;
  noAnswers: string;
  reverseScored: string;
  group: string;
  whole: string;
  groupChartTitle: string;
  priorTitle: string;
  now: string;
  before: string;
  change: string;
  changes: Record<Change, string>;
  noPrior: string;
  /** {title} and {date}. */
  priorIntro: string;
  likelihood: string;
  consequence: string;
  riskLevels: Record<RiskLevel, string>;
  /** {count}. */
  findingsInCell: string;
  otherMatrix: string;
  noFindings: string;
  finding: string;
  hazard: string;
  causes: string;
  exposed: string;
  existingMeasures: string;
  rating: string;
  riskLevel: string;
  notRated: string;
  measure: string;
  responsible: string;
  deadline: string;
  priority: string;
  status: string;
  noDeadline: string;
  noMeasures: string;
  roles: Record<ResponsibleRole, string>;
  priorities: Record<MeasurePriority, string>;
  statuses: Record<MeasureStatus, string>;
  participantRole: string;
  count: string;
  participantRoles: Record<ParticipantRole, string>;
  total: string;
  language: string;
  /** {min}. */
  fewerThan: string;
  /** {interviews}, {groups}. */
  interviewsSentence: string;
  /** {count}. */
  interpreterSentence: string;
  citation: string;
  placeAndDate: string;
  signature: string;
  methods: Record<AssessmentMethod, string>;
  number: string;
}

const nb: ReportLabels = {
  draft: 'UTKAST',
  factor: 'Faktor',
  score: 'Skår (0–100)',
  light: 'Vurdering',
  respondents: 'Antall (n)',
  lights: { green: 'Grønn', yellow: 'Gul', red: 'Rød' },
  noScore: 'Ingen skår',
  withheld: 'Skjult',
  withheldNote:
    'Skjult: resultatet bygger på færre enn {min} personer, eller det kunne ha avslørt en slik gruppe ved å trekke fra. Derfor vises ingen tall.',
  scoreAxis: 'Skår 0–100',
  thresholds: 'Terskelverdier',
  factorChartTitle: 'Skår per faktor',
  scoreSentence: 'Skår {score} av 100 ({light}), basert på svar fra {n} personer.',
  noScoreSentence: 'For få av spørsmålene ble besvart til å gi en skår.',
  withheldSentence: 'Resultatet er skjult fordi gruppen er for liten.',
  quotes: 'Sitater (anonymisert)',
  legalBasisOfFactor: 'Rettslig grunnlag',
  item: 'Spørsmål',
  notApplicable: 'Ikke relevant',
  answers: 'Svar',
  distributionTitle: 'Fordeling av svarene',
  distributionAxis: 'Andel av svarene',
  noAnswers: 'Ingen svar',
  reverseScored: 'skåres omvendt',
  group: 'Gruppe',
  whole: 'Alle',
  groupChartTitle: 'Skår per gruppe',
  priorTitle: 'Sammenligning med forrige kartlegging',
  now: 'Nå',
  before: 'Før',
  change: 'Endring',
  changes: { better: 'Bedre', worse: 'Verre', unchanged: 'Uendret' },
  noPrior: 'Det finnes ingen tidligere kartlegging å sammenligne med.',
  priorIntro: 'Sammenlignet med «{title}» ({date}).',
  likelihood: 'Sannsynlighet',
  consequence: 'Konsekvens',
  riskLevels: { low: 'Lav', medium: 'Middels', high: 'Høy' },
  findingsInCell: '{count} funn',
  otherMatrix: 'Funn vurdert på en matrise av en annen størrelse er ikke med i matrisen: {count}.',
  noFindings: 'Ingen funn er registrert.',
  finding: 'Funn',
  hazard: 'Fare',
  causes: 'Årsaker',
  exposed: 'Hvem er utsatt',
  existingMeasures: 'Eksisterende tiltak',
  rating: 'S × K',
  riskLevel: 'Risiko',
  notRated: 'Ikke vurdert',
  measure: 'Tiltak',
  responsible: 'Ansvarlig',
  deadline: 'Frist',
  priority: 'Prioritet',
  status: 'Status',
  noDeadline: 'Ingen frist',
  noMeasures: 'Ingen tiltak er registrert.',
  roles: responsibleRoleLabels.nb,
  priorities: measurePriorityLabels.nb,
  statuses: measureStatusLabels.nb,
  participantRole: 'Rolle',
  count: 'Antall',
  participantRoles: {
    employee: 'Ansatte',
    safetyRepresentative: 'Verneombud',
    unionRepresentative: 'Tillitsvalgte',
    manager: 'Ledere',
    other: 'Andre',
  },
  total: 'Totalt',
  language: 'Språk i intervjuet',
  fewerThan: 'færre enn {min}',
  interviewsSentence: 'Det ble holdt {interviews} intervjuer i {groups} grupper.',
  interpreterSentence: 'Tolk ble brukt i {count} av intervjuene.',
  citation: 'Bestemmelse',
  placeAndDate: 'Sted og dato',
  signature: 'Underskrift',
  methods: { group: 'Gruppeintervju', individual: 'Individuelle intervjuer', mixed: 'Gruppe- og individuelle intervjuer', survey: 'Spørreundersøkelse' },
  number: 'Nr.',
};

const en: ReportLabels = {
  draft: 'DRAFT',
  factor: 'Factor',
  score: 'Score (0–100)',
  light: 'Rating',
  respondents: 'Number (n)',
  lights: { green: 'Green', yellow: 'Yellow', red: 'Red' },
  noScore: 'No score',
  withheld: 'Withheld',
  withheldNote:
    'Withheld: the result rests on fewer than {min} people, or it could have revealed such a group by subtraction. So no numbers are shown.',
  scoreAxis: 'Score 0–100',
  thresholds: 'Thresholds',
  factorChartTitle: 'Score per factor',
  scoreSentence: 'Score {score} of 100 ({light}), from the answers of {n} people.',
  noScoreSentence: 'Too few of the questions were answered to give a score.',
  withheldSentence: 'The result is withheld because the group is too small.',
  quotes: 'Quotes (anonymised)',
  legalBasisOfFactor: 'Legal basis',
  item: 'Question',
  notApplicable: 'Not applicable',
  answers: 'Answers',
  distributionTitle: 'How the answers spread',
  distributionAxis: 'Share of the answers',
  noAnswers: 'No answers',
  reverseScored: 'scored in reverse',
  group: 'Group',
  whole: 'All',
  groupChartTitle: 'Score per group',
  priorTitle: 'Compared with the prior assessment',
  now: 'Now',
  before: 'Before',
  change: 'Change',
  changes: { better: 'Better', worse: 'Worse', unchanged: 'Unchanged' },
  noPrior: 'There is no prior assessment to compare with.',
  priorIntro: 'Compared with "{title}" ({date}).',
  likelihood: 'Likelihood',
  consequence: 'Consequence',
  riskLevels: { low: 'Low', medium: 'Medium', high: 'High' },
  findingsInCell: '{count} findings',
  otherMatrix: 'Findings rated on a matrix of another size are not in the matrix: {count}.',
  noFindings: 'No findings are recorded.',
  finding: 'Finding',
  hazard: 'Hazard',
  causes: 'Causes',
  exposed: 'Who is exposed',
  existingMeasures: 'Existing measures',
  rating: 'L × C',
  riskLevel: 'Risk',
  notRated: 'Not rated',
  measure: 'Measure',
  responsible: 'Responsible',
  deadline: 'Deadline',
  priority: 'Priority',
  status: 'Status',
  noDeadline: 'No deadline',
  noMeasures: 'No measures are recorded.',
  roles: responsibleRoleLabels.en,
  priorities: measurePriorityLabels.en,
  statuses: measureStatusLabels.en,
  participantRole: 'Role',
  count: 'Number',
  participantRoles: {
    employee: 'Employees',
    safetyRepresentative: 'Safety representatives',
    unionRepresentative: 'Union representatives',
    manager: 'Managers',
    other: 'Others',
  },
  total: 'Total',
  language: 'Language of the interview',
  fewerThan: 'fewer than {min}',
  interviewsSentence: '{interviews} interviews were held in {groups} groups.',
  interpreterSentence: 'An interpreter was used in {count} of the interviews.',
  citation: 'Provision',
  placeAndDate: 'Place and date',
  signature: 'Signature',
  methods: { group: 'Group interviews', individual: 'Individual interviews', mixed: 'Group and individual interviews', survey: 'Survey' },
  number: 'No.',
};

/** Bokmål for "nb" (and "no"/"nn"), English for every other language: blocks with fixed texts are
 * only allowed in templates written in nb or en, so English is only ever a guard. */
export function reportLabels(language: string): ReportLabels {
  return ['nb', 'no', 'nn'].includes(language.split('-')[0]) ? nb : en;
}

/** Fills {name} marks in a label. */
export function fillLabel(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
