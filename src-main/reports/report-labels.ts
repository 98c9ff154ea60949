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
  /** {date}: an issued revision's status line. */
  issuedOn: string;
  /** {date}: a draft's status line, with the day it was made. */
  draftMadeOn: string;
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
  /** {count} of {total}, some but not all. */
  interpreterSentence: string;
  /** {count}: every interview. */
  interpreterInAll: string;
  citation: string;
  placeAndDate: string;
  signature: string;
  methods: Record<AssessmentMethod, string>;
  number: string;
  approvals: { party: string; name: string; role: string; date: string; employer: string; safetyRepresentative: string; none: string };
  formal: FormalLabels;
  /** The residual risk of a finding, after the agreed measures. */
  residual: { column: string; explanation: string };
  /** The appendix with the guide's guidance per factor. */
  guidance: { meaning: string; law: string; employerSteps: string; safetyRepresentativeSteps: string };
}

/** The formal report's added parts: key findings and measures, reading guide, risk scales, action
 * plan details. Counts use the plural syntax of fillLabel. */
export interface FormalLabels {
  noKeyFindings: string;
  noKeyMeasures: string;
  /** {count}: how many more are in the action plan. */
  moreMeasures: string;
  deadlineShort: string;
  overdue: string;
  direction: string;
  higherIsBetter: string;
  higherIsWorse: string;
  /** "terskelverdier". */
  thresholds: string;
  /** {lower}, {upper}: for higherIsBetter and higherIsWorse. */
  bandsBetter: { green: string; yellow: string; red: string };
  bandsWorse: { green: string; yellow: string; red: string };
  lightMeanings: { red: string; yellow: string; green: string };
  level: string;
  meaning: string;
  likelihoodMeanings: Record<3 | 4 | 5, string[]>;
  consequenceMeanings: Record<3 | 4 | 5, string[]>;
  /** {medium}, {high}: where the bands start on the product. */
  acceptance: string;
  levelMeanings: { low: string; medium: string; high: string };
  responsiblePerson: string;
  employerResponsible: string;
  agreedBy: string;
  /** {date}. */
  agreedOn: string;
  notAgreed: string;
}

const nb: ReportLabels = {
  draft: 'UTKAST',
  issuedOn: 'Utstedt {date}',
  draftMadeOn: 'Utkast – ikke utstedt, laget {date}',
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
  scoreSentence: 'Skår {score} av 100 ({light}), basert på svar fra {n|one:# person|other:# personer}.',
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
  interviewsSentence: 'Det ble holdt {interviews|none:ingen intervjuer|one:# intervju|other:# intervjuer}{groups|none:|one: i # gruppe|other: i # grupper}.',
  interpreterSentence: 'Tolk ble brukt i {count} av {total} intervjuer.',
  interpreterInAll: 'Tolk ble brukt i {count|one:intervjuet|other:alle de # intervjuene}.',
  citation: 'Bestemmelse',
  placeAndDate: 'Sted og dato',
  signature: 'Underskrift',
  formal: {
    noKeyFindings: 'Ingen funn er godtatt.',
    noKeyMeasures: 'Handlingsplanen har ingen tiltak ennå.',
    moreMeasures: '{count|one:# tiltak til står|other:# tiltak til står} i handlingsplanen.',
    deadlineShort: 'frist',
    overdue: 'forsinket',
    direction: 'Retning',
    higherIsBetter: 'Høy skår er bra',
    higherIsWorse: 'Høy skår er dårlig',
    thresholds: 'Terskelverdier',
    bandsBetter: { green: 'grønn: {upper} eller mer', yellow: 'gul: {lower} til under {upper}', red: 'rød: under {lower}' },
    bandsWorse: { green: 'grønn: {lower} eller mindre', yellow: 'gul: over {lower} til {upper}', red: 'rød: over {upper}' },
    lightMeanings: {
      red: 'Rød: risikoen er ikke akseptabel, og tiltak er påkrevd. Funnet vurderes i risikovurderingen og følges av tiltak i handlingsplanen.',
      yellow: 'Gul: skal følges opp. Arbeidsgiveren vurderer sammen med verneombudet om tiltak trengs, og faktoren vurderes på nytt ved oppfølgingen.',
      green: 'Grønn: ingen tiltak er nødvendige nå; arbeidsmiljøet holdes ved like.',
    },
    level: 'Nivå',
    meaning: 'Betydning',
    likelihoodMeanings: {
      3: ['Har ikke skjedd, og ventes ikke i perioden', 'Kan skje; har skjedd enkelte ganger', 'Skjer jevnlig eller forventes å skje'],
      4: ['Har ikke skjedd, og ventes ikke i perioden', 'Kan skje; har skjedd enkelte ganger', 'Skjer jevnlig', 'Skjer ofte, for mange av de ansatte'],
      5: ['Har ikke skjedd, og ventes ikke i perioden', 'Kan skje, men sjelden', 'Kan skje; har skjedd enkelte ganger', 'Skjer jevnlig', 'Skjer ofte, for mange av de ansatte'],
    },
    consequenceMeanings: {
      3: ['Kortvarig ubehag, ingen fravær', 'Belastning over tid, mulig kortvarig fravær', 'Helseskade, langvarig fravær eller utstøting'],
      4: ['Kortvarig ubehag, ingen fravær', 'Belastning over tid, mulig kortvarig fravær', 'Helseskade eller langvarig fravær', 'Alvorlig helseskade eller utstøting fra arbeidslivet'],
      5: [
        'Kortvarig ubehag, ingen fravær',
        'Merkbar belastning, ingen fravær',
        'Belastning over tid, mulig kortvarig fravær',
        'Helseskade eller langvarig fravær',
        'Alvorlig helseskade eller utstøting fra arbeidslivet',
      ],
    },
    acceptance:
      'Akseptkriterium: sannsynlighet × konsekvens under {medium} er lav risiko og akseptabel. Fra {medium} er risikoen middels: tiltak skal vurderes og gjennomføres når det er rimelig. Fra {high} er risikoen høy og ikke akseptabel: tiltak er påkrevd.',
    levelMeanings: { low: 'Akseptabel. Følges med på.', medium: 'Tiltak vurderes og gjennomføres når det er rimelig.', high: 'Ikke akseptabel. Tiltak er påkrevd.' },
    responsiblePerson: 'Ansvarlig person',
    employerResponsible: 'Arbeidsgiveren er ansvarlig.',
    agreedBy: 'Avtalt av',
    agreedOn: 'den {date}',
    notAgreed: 'Ikke avtalt ennå',
  },
  residual: {
    column: 'Restrisiko (S × K)',
    explanation:
      'Restrisiko er risikoen når de avtalte tiltakene er gjennomført, vurdert på samme matrise som risikoen før tiltak. Akseptkriterium: sannsynlighet × konsekvens under {medium} er akseptabel; fra {medium} vurderes flere tiltak; fra {high} er restrisikoen ikke akseptabel, og tiltakene må forsterkes.',
  },
  guidance: {
    meaning: 'Hva det betyr:',
    law: 'Hva loven krever:',
    employerSteps: 'Arbeidsgiver og leder kan',
    safetyRepresentativeSteps: 'Verneombudet kan',
  },
  methods: { group: 'Gruppeintervju', individual: 'Individuelle intervjuer', mixed: 'Gruppe- og individuelle intervjuer', survey: 'Spørreundersøkelse' },
  number: 'Nr.',
  approvals: {
    party: 'Godkjent for',
    name: 'Navn',
    role: 'Stilling',
    date: 'Dato',
    employer: 'Arbeidsgiver',
    safetyRepresentative: 'Verneombud',
    none: 'Denne versjonen er ikke utstedt, og ingen har godkjent den ennå.',
  },
};

const en: ReportLabels = {
  draft: 'DRAFT',
  issuedOn: 'Issued {date}',
  draftMadeOn: 'Draft – not issued, made {date}',
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
  scoreSentence: 'Score {score} of 100 ({light}), from the answers of {n|one:# person|other:# people}.',
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
  findingsInCell: '{count|one:# finding|other:# findings}',
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
  interviewsSentence: '{interviews|none:No interviews were held|one:# interview was held|other:# interviews were held}{groups|none:|one: in # group|other: in # groups}.',
  interpreterSentence: 'An interpreter was used in {count} of {total} interviews.',
  interpreterInAll: 'An interpreter was used in {count|one:the interview|other:all # interviews}.',
  citation: 'Provision',
  placeAndDate: 'Place and date',
  signature: 'Signature',
  formal: {
    noKeyFindings: 'No finding has been accepted.',
    noKeyMeasures: 'The action plan has no measures yet.',
    moreMeasures: '{count|one:# more measure is|other:# more measures are} in the action plan.',
    deadlineShort: 'deadline',
    overdue: 'overdue',
    direction: 'Direction',
    higherIsBetter: 'A high score is good',
    higherIsWorse: 'A high score is bad',
    thresholds: 'Thresholds',
    bandsBetter: { green: 'green: {upper} or more', yellow: 'yellow: {lower} to below {upper}', red: 'red: below {lower}' },
    bandsWorse: { green: 'green: {lower} or less', yellow: 'yellow: above {lower} to {upper}', red: 'red: above {upper}' },
    lightMeanings: {
      red: 'Red: the risk is not acceptable, and measures are required. The finding is assessed in the risk assessment and followed by measures in the action plan.',
      yellow: 'Yellow: to be followed up. The employer decides with the safety representative whether measures are needed, and the factor is assessed again at the follow-up.',
      green: 'Green: no measures are needed now; the working environment is maintained.',
    },
    level: 'Level',
    meaning: 'Meaning',
    likelihoodMeanings: {
      3: ['Has not happened and is not expected in the period', 'May happen; has happened now and then', 'Happens regularly or is expected to happen'],
      4: ['Has not happened and is not expected in the period', 'May happen; has happened now and then', 'Happens regularly', 'Happens often, to many of the employees'],
      5: ['Has not happened and is not expected in the period', 'May happen, but rarely', 'May happen; has happened now and then', 'Happens regularly', 'Happens often, to many of the employees'],
    },
    consequenceMeanings: {
      3: ['Short discomfort, no absence', 'Strain over time, possibly short absence', 'Harm to health, long absence or exclusion'],
      4: ['Short discomfort, no absence', 'Strain over time, possibly short absence', 'Harm to health or long absence', 'Serious harm to health or exclusion from working life'],
      5: [
        'Short discomfort, no absence',
        'Noticeable strain, no absence',
        'Strain over time, possibly short absence',
        'Harm to health or long absence',
        'Serious harm to health or exclusion from working life',
      ],
    },
    acceptance:
      'Acceptance criterion: likelihood × consequence below {medium} is low risk and acceptable. From {medium} the risk is medium: measures are considered and carried out where reasonable. From {high} the risk is high and not acceptable: measures are required.',
    levelMeanings: { low: 'Acceptable. Kept under watch.', medium: 'Measures are considered and carried out where reasonable.', high: 'Not acceptable. Measures are required.' },
    responsiblePerson: 'Person responsible',
    employerResponsible: 'The employer is responsible.',
    agreedBy: 'Agreed by',
    agreedOn: 'on {date}',
    notAgreed: 'Not agreed yet',
  },
  residual: {
    column: 'Residual risk (L × C)',
    explanation:
      'The residual risk is the risk once the agreed measures are in place, rated on the same matrix as the risk before them. Acceptance criterion: likelihood × consequence below {medium} is acceptable; from {medium} further measures are considered; from {high} the residual risk is not acceptable, and the measures must be strengthened.',
  },
  guidance: {
    meaning: 'What it means:',
    law: 'What the law requires:',
    employerSteps: 'The employer and the manager can',
    safetyRepresentativeSteps: 'The safety representative can',
  },
  methods: { group: 'Group interviews', individual: 'Individual interviews', mixed: 'Group and individual interviews', survey: 'Survey' },
  number: 'No.',
  approvals: {
    party: 'Approved for',
    name: 'Name',
    role: 'Position',
    date: 'Date',
    employer: 'Employer',
    safetyRepresentative: 'Safety representative',
    none: 'This version has not been issued, and nobody has approved it yet.',
  },
};

/** Bokmål for "nb" (and "no"/"nn"), English for every other language: blocks with fixed texts are
 * only allowed in templates written in nb or en, so English is only ever a guard. */
export function reportLabels(language: string): ReportLabels {
  return ['nb', 'no', 'nn'].includes(language.split('-')[0]) ? nb : en;
}

/**
 * Fills {name} marks in a label; {name|one:# thing|other:# things} picks the form the plural rules
 * of nb and en (the same for whole numbers) give the number, "none" a form for exactly 0, and "#"
 * is the number.
 */
export function fillLabel(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)(?:\|([^{}]*))?\}/g, (whole, name: string, forms: string | undefined) => {
    if (!(name in values)) return whole;
    const value = values[name];
    if (forms === undefined) return String(value);
    const options = new Map(forms.split('|').map((option) => [option.slice(0, option.indexOf(':')), option.slice(option.indexOf(':') + 1)]));
    const n = Number(value);
    const form = n === 0 && options.has('none') ? 'none' : pluralRules.select(n);
    return (options.get(form) ?? options.get('other') ?? '').split('#').join(String(value));
  });
}

const pluralRules = new Intl.PluralRules('en');
