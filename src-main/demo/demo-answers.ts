// How the demo company's three groups answered guide 2.0.0: open questions by show of hands or by
// agreement, exposure items in a private round (a tally of ballots), knowledge items counted by hand.
import type { Answer } from '../core/answers';
import type { AnswerMode } from '../core/assessments';
import type { Guide, GuideItem } from '../core/guide';

/** The optional modules the demo plans besides the core set: evening shifts alone in office
 * buildings, heavy hospital work at weekends, and chemicals training for new staff. */
export const demoModules = ['lone-evening-night', 'physical-time', 'training-induction'];

/** Asked by ballot besides the guide's own sensitive items: pay is not discussed in front of a manager. */
export const demoMarkedSensitiveItems = ['rights.1'];

/** Votes per scale value. */
type Tally = Record<string, number>;

/** How a group stands on a factor. */
type Strain = 'strained' | 'mixed' | 'good';

export interface DemoGroup {
  groupName: string;
  respondentLanguage: string;
  languages: string[];
  interpreterUsed: boolean;
  employees: number;
  /** Days before today the interview was planned for (and held). */
  daysAgo: number;
  /** The local times it was held, as the consultant recorded them. */
  held: { start: string; end: string };
  /** How the open questions were answered; ballots and knowledge items are counted in any case. */
  answerMode: AnswerMode;
  strain: Record<string, Strain>;
  /** Items the consultant flagged to come back to. */
  followUp: string[];
  notes: { factorId: string; kind: 'note' | 'quote'; text: string }[];
}

export const demoGroups: DemoGroup[] = [
  {
    groupName: 'Dagskift, kontorrenhold',
    respondentLanguage: 'pl',
    languages: ['pl', 'nb'],
    interpreterUsed: false,
    // The safety representative (verneombud) was not in the room: their answers are not the employees'
    // (docs/scoring.md, "Whose answers"), and a group interview's votes are all counted as employees'.
    employees: 8,
    daysAgo: 16,
    held: { start: '08:30', end: '09:45' },
    answerMode: 'tally',
    strain: { workload: 'strained', participation: 'mixed', 'lone-work': 'mixed', 'physical-strain': 'mixed' },
    followUp: ['workload.4', 'rights.3'],
    notes: [
      { factorId: 'workload', kind: 'note', text: 'Arealnormen ble økt i vår uten at tiden per bygg ble justert. Pausene ryker når noen er syke.' },
      { factorId: 'workload', kind: 'quote', text: '«Vi løper hele tiden, og likevel klager kunden.»' },
      { factorId: 'participation', kind: 'note', text: 'Få kjente verneombudets navn før møtet, og bare én hadde hørt om regionalt verneombud (RVO).' },
    ],
  },
  {
    groupName: 'Kveldsskift, kontorrenhold',
    respondentLanguage: 'ar',
    languages: ['ar', 'ti', 'nb'],
    interpreterUsed: true,
    employees: 6,
    daysAgo: 13,
    held: { start: '17:00', end: '18:20' },
    answerMode: 'tally',
    strain: {
      workload: 'strained',
      'lone-work': 'strained',
      'leader-support': 'strained',
      'working-hours': 'strained',
      participation: 'strained',
      'physical-strain': 'mixed',
    },
    followUp: ['lone-work.3', 'leader-support.3'],
    notes: [
      { factorId: 'lone-work', kind: 'note', text: 'Alene i store kontorbygg etter kl. 21; alarmen virker ikke i to av byggene, og ingen melder seg ut etter vakten.' },
      { factorId: 'leader-support', kind: 'quote', text: '«Lederen ringer bare på norsk. Da sier vi ja, selv om vi ikke forstår.»' },
      { factorId: 'training', kind: 'note', text: 'Sikkerhetsdatabladene finnes bare på norsk; to av de nyeste hadde ikke fått opplæring i kjemikaliene de bruker.' },
      {
        factorId: 'violence',
        kind: 'note',
        text: 'Privat runde med stemmesedler: én deltaker måtte gå (hentet av vekteren for å låse et bygg) før spørsmålet om trusler, så 5 av 6 svarte. Ikke tatt opp igjen i gruppen; alle fikk tilbud om en samtale med BHT.',
      },
      {
        factorId: 'harassment',
        kind: 'note',
        text: 'Etter den private runden: gruppen fikk vite hvordan de kan si fra (verneombud, tillitsvalgt, BHT) og at det ikke får følger for dem. Ingen enkeltsaker ble tatt opp i gruppen.',
      },
    ],
  },
  {
    groupName: 'Helg, sykehusrenhold',
    respondentLanguage: 'ro',
    languages: ['ro', 'nb'],
    interpreterUsed: false,
    employees: 5,
    daysAgo: 9,
    held: { start: '10:00', end: '11:05' },
    // A small, settled team that talked each question through and agreed on one answer.
    answerMode: 'consensus',
    strain: { workload: 'strained', 'physical-strain': 'strained', 'lone-work': 'mixed', 'working-hours': 'mixed', participation: 'mixed', 'leader-support': 'mixed' },
    followUp: ['physical-strain.2'],
    notes: [
      { factorId: 'physical-strain', kind: 'note', text: 'Tunge søppelsekker og smitterom under tidspress i helgene; to bruker smertestillende for å klare vakten.' },
      { factorId: 'workload', kind: 'quote', text: '«Når noen er syke på lørdag, tar vi to avdelinger hver.»' },
    ],
  },
];

/** Ballots of the private rounds (event scale: 1 Nei … 5 Daglig; agreement 1–5 for pay) and hands
 * counted on the knowledge items (1 Ja, 2 Nei, 3 Usikker), per item: day, evening, weekend. */
const countedAnswers: Record<string, [Tally, Tally, Tally]> = {
  // 4 of 19: said nasty or belittling things
  'harassment.1': [{ 1: 6, 2: 2 }, { 1: 4, 2: 1, 3: 1 }, { 1: 5 }],
  // 3 of 19: unwanted sexual attention
  'harassment.2': [{ 1: 8 }, { 1: 4, 2: 1, 3: 1 }, { 1: 4, 2: 1 }],
  // bullying: nobody
  'harassment.3': [{ 1: 8 }, { 1: 6 }, { 1: 5 }],
  // 2 of 19: treated worse for origin, language or religion
  'harassment.4': [{ 1: 7, 2: 1 }, { 1: 5, 2: 1 }, { 1: 5 }],
  // 1 of 18: threatened; one evening ballot short (5 of 6), see the note on violence
  'violence.1': [{ 1: 8 }, { 1: 4, 2: 1 }, { 1: 5 }],
  // paid right for the hours (marked for the private round by the consultant)
  'rights.1': [{ 3: 1, 4: 5, 5: 2 }, { 2: 1, 3: 1, 4: 3, 5: 1 }, { 4: 3, 5: 2 }],
  // 6 of 19 know who the safety representative is
  'participation.2': [{ 1: 3, 2: 4, 3: 1 }, { 1: 1, 2: 4, 3: 1 }, { 1: 2, 2: 2, 3: 1 }],
  // union representative
  'participation.3': [{ 1: 4, 2: 3, 3: 1 }, { 1: 2, 2: 3, 3: 1 }, { 1: 3, 2: 1, 3: 1 }],
  // occupational health service (BHT)
  'participation.4': [{ 1: 2, 2: 5, 3: 1 }, { 2: 5, 3: 1 }, { 1: 2, 2: 3 }],
  // 1 of 19 has heard of the regional safety representative (RVO)
  'participation.5': [{ 1: 1, 2: 7 }, { 2: 6 }, { 2: 4, 3: 1 }],
  // checking the payslip
  'rights.2': [{ 1: 5, 2: 2, 3: 1 }, { 1: 2, 2: 3, 3: 1 }, { 1: 3, 2: 2 }],
  // overtime pay
  'rights.3': [{ 1: 3, 2: 3, 3: 2 }, { 1: 1, 2: 3, 3: 2 }, { 1: 2, 2: 2, 3: 1 }],
  // rights when sick
  'rights.4': [{ 1: 6, 2: 1, 3: 1 }, { 1: 3, 2: 2, 3: 1 }, { 1: 4, 3: 1 }],
  // stopping dangerous work
  'rights.5': [{ 1: 2, 2: 4, 3: 2 }, { 1: 1, 2: 4, 3: 1 }, { 1: 2, 2: 2, 3: 1 }],
};

/** How votes spread over a five-point scale, lowest value first. */
const voteShares = {
  high: [0, 0.05, 0.1, 0.45, 0.4],
  middle: [0.1, 0.2, 0.4, 0.2, 0.1],
  low: [0.4, 0.45, 0.1, 0.05, 0],
};

function sharesFor(guide: Guide, item: GuideItem, strain: Strain): number[] {
  const factor = guide.factors.find((f) => f.id === item.factor)!;
  // A high answer is bad news when it raises a demand, or lowers a resource through a reversed item.
  const highIsBad = (factor.direction === 'higherIsWorse') !== (item.reverse === true);
  if (strain === 'mixed') return voteShares.middle;
  return voteShares[(strain === 'strained') === highIsBad ? 'high' : 'low'];
}

function spreadVotes(shares: number[], present: number, values: number[]): Record<string, number> {
  const votes = shares.map((share) => Math.floor(share * present));
  let left = present - votes.reduce((a, b) => a + b, 0);
  for (let i = votes.length - 1; left > 0; i = (i + votes.length - 1) % votes.length, left--) votes[i]++;
  return Object.fromEntries(values.map((value, i) => [String(value), votes[i] ?? 0]).filter(([, n]) => (n as number) > 0));
}

/** The group's answer to one item of the planned guide (core set and chosen modules). */
export function demoAnswer(guide: Guide, itemIndex: number, group: DemoGroup, groupIndex: number): Answer {
  const item = guide.items[itemIndex];
  const counted = countedAnswers[item.id]?.[groupIndex];
  if (counted) return { kind: 'tally', votes: { ...counted } };
  if (item.exposure || item.sensitive) throw new Error(`demo: no ballots for the private-round item ${item.id}`);
  const values = guide.scales.find((s) => s.id === item.scale)!.points.map((p) => p.value);
  // Blend a little towards the middle, differently per item and group, so no two items look alike.
  const blend = ((itemIndex * 5 + groupIndex * 3) % 4) * 0.05;
  const shares = sharesFor(guide, item, group.strain[item.factor] ?? 'good').map((share, i) => share * (1 - blend) + voteShares.middle[i] * blend);
  if (group.answerMode === 'consensus') {
    return { kind: 'consensus', value: values[shares.indexOf(Math.max(...shares))], participants: group.employees };
  }
  return { kind: 'tally', votes: spreadVotes(shares, group.employees, values) };
}
