// A realistic, clearly fictional cleaning company with three interviewed groups, findings and an
// action plan, created through the API so that it is exactly what a consultant could have entered.
import type { ApiRuntime } from '../api/runtime';
import type { MethodInput, MethodName, MethodOutput } from '../api/contract';
import type { Answer } from '../core/answers';
import { AppError } from '../core/errors';
import type { Guide } from '../core/guide';

export interface DemoIds {
  clientId: string;
  assessmentId: string;
  interviewIds: string[];
  findingIds: string[];
  measureIds: string[];
}

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

function caller(runtime: Pick<ApiRuntime, 'call'>): Call {
  return async (method, input) => {
    const result = await runtime.call(method, input);
    if (!result.ok) throw new AppError(result.error.code, `demo: ${method}: ${result.error.message}`, result.error.issues);
    return result.value as never;
  };
}

/** How a group's votes spread over the scale, lowest value first. */
type Leaning = 'high' | 'middle' | 'low' | 'rare';
const voteShares: Record<Leaning, number[]> = {
  high: [0.05, 0.1, 0.2, 0.35, 0.3],
  middle: [0.1, 0.2, 0.4, 0.2, 0.1],
  low: [0.3, 0.35, 0.2, 0.1, 0.05],
  rare: [0.7, 0.2, 0.1, 0, 0],
};

/** Harassment and violence: most never met it, a few seldom: the pattern such mappings often show. */
const rareFactors = new Set(['harassment', 'violence']);

/** Factors where this workplace is under strain. */
const strainedFactors = new Set(['workload', 'pace', 'lone-work', 'physical-strain', 'information']);

function leaningFor(guide: Guide, itemId: string, group: number): Leaning {
  const item = guide.items.find((i) => i.id === itemId)!;
  const factor = guide.factors.find((f) => f.id === item.factor)!;
  // A high answer is bad news when it raises a demand, or lowers a resource through a reversed item.
  const highIsBad = (factor.direction === 'higherIsWorse') !== item.reverse;
  const bad = highIsBad ? 'high' : 'low';
  const good = highIsBad ? 'low' : 'high';
  if (rareFactors.has(factor.id)) return highIsBad ? 'rare' : 'high';
  if (strainedFactors.has(factor.id) || (group === 1 && factor.id === 'emotional')) return bad;
  return guide.factors.indexOf(factor) % 3 === 0 ? 'middle' : good;
}

function tally(shares: number[], present: number, values: number[]): Record<string, number> {
  const votes = shares.map((share) => Math.floor(share * present));
  let left = present - votes.reduce((a, b) => a + b, 0);
  for (let i = votes.length - 1; left > 0; i = (i + votes.length - 1) % votes.length, left--) votes[i]++;
  return Object.fromEntries(values.map((value, i) => [String(value), votes[i] ?? 0]).filter(([, n]) => (n as number) > 0));
}

function answerFor(guide: Guide, itemIndex: number, group: number, present: number): Answer {
  const item = guide.items[itemIndex];
  const scale = guide.scales.find((s) => s.id === item.scale)!;
  const values = scale.points.map((p) => p.value);
  if (item.factor === 'violence' && group === 2 && itemIndex % 2 === 0) return { kind: 'notApplicable' };
  // Blend a little towards the middle, differently per item and group, so no two items look alike.
  const blend = ((itemIndex * 5 + group * 3) % 4) * 0.12;
  const shares = voteShares[leaningFor(guide, item.id, group)].map((share, i) => share * (1 - blend) + voteShares.middle[i] * blend);
  // Every fourth item the group agreed on one answer; otherwise the consultant counted hands.
  if (itemIndex % 4 === 3) {
    const top = shares.indexOf(Math.max(...shares));
    return { kind: 'consensus', value: values[top], participants: present };
  }
  return { kind: 'tally', votes: tally(shares, present, values) };
}

const groups = [
  {
    groupName: 'Dagskift, kontorrenhold',
    respondentLanguage: 'pl',
    languages: ['pl', 'nb'],
    interpreterUsed: false,
    // The safety representative (verneombud) was not in the room: their answers are not the employees'
    // (docs/scoring.md, "Whose answers"), and a group interview's votes are all counted as employees'.
    participants: { employee: 7 },
    plannedAt: '2026-09-08',
    notes: [
      { factorId: 'workload', kind: 'note' as const, text: 'Arealnormen ble økt i vår uten at tiden per bygg ble justert.' },
      { factorId: 'workload', kind: 'quote' as const, text: '«Vi løper hele tiden, og likevel klager kunden.»' },
      { factorId: 'participation', kind: 'note' as const, text: 'Få kjente verneombudets navn før møtet.' },
    ],
  },
  {
    groupName: 'Kveldsskift, kontorrenhold',
    respondentLanguage: 'ar',
    languages: ['ar', 'ti', 'nb'],
    interpreterUsed: true,
    participants: { employee: 6 },
    plannedAt: '2026-09-09',
    notes: [
      { factorId: 'lone-work', kind: 'note' as const, text: 'Alene i store bygg etter kl. 20, alarmen virker ikke i to av byggene.' },
      { factorId: 'emotional', kind: 'quote' as const, text: '«Noen kunder ser ikke på oss i det hele tatt.»' },
    ],
  },
  {
    groupName: 'Helg, sykehusrenhold',
    respondentLanguage: 'ro',
    languages: ['ro', 'nb'],
    interpreterUsed: false,
    participants: { employee: 5 },
    plannedAt: '2026-09-12',
    notes: [{ factorId: 'physical-strain', kind: 'note' as const, text: 'Tunge søppelsekker og smitterom under tidspress i helgene.' }],
  },
];

/** The demo answers the items of the built-in guide 1.0.0 (its groups, notes and findings are
 * written for that version), so it asks for that version rather than the newest. */
export async function createDemo(runtime: Pick<ApiRuntime, 'call'>, guideId = 'psychosocial-cleaning', guideVersion = '1.0.0'): Promise<DemoIds> {
  const call = caller(runtime);
  const guide = await call('guides.get', { id: guideId, version: guideVersion });
  const client = await call('clients.create', {
    name: 'Blank & Ren Renhold AS (demo)',
    // Nine nines passes the mod-11 check and is plainly not a real company's number.
    orgNumber: '999 999 999',
    naceCode: '81.21',
    address: 'Eksempelveien 1',
    postalCode: '0000',
    city: 'Fjordby',
    contactName: 'Daglig leder (demo)',
    notes: 'Fiktivt selskap laget av «kartlegg demo».',
  });
  const unit = await call('units.create', { clientId: client.id, name: 'Kontor- og sykehusrenhold Fjordby', address: 'Fjordby' });
  const assessment = await call('assessments.create', {
    clientId: client.id,
    unitId: unit.id,
    title: 'Kartlegging av psykososialt arbeidsmiljø 2026',
    mandate:
      'Bedriften har bedt bedriftshelsetjenesten om å kartlegge og risikovurdere det psykososiale arbeidsmiljøet for renholderne, ' +
      'jf. arbeidsmiljøloven § 3-1 og § 4-3 og internkontrollforskriften § 5, og å foreslå tiltak i samarbeid med verneombudet.',
    method: 'group',
    consultant: 'Demo Konsulent, BHT',
    plannedStart: '2026-09-08',
    plannedEnd: '2026-09-30',
    guideId: guide.id,
    guideVersion: guide.version,
    minGroupSize: 5,
  });

  const interviewIds: string[] = [];
  for (const [g, group] of groups.entries()) {
    const interview = await call('interviews.create', {
      assessmentId: assessment.id,
      groupName: group.groupName,
      kind: 'group',
      respondentLanguage: group.respondentLanguage,
      languages: group.languages,
      interpreterUsed: group.interpreterUsed,
      expectedParticipants: Object.values(group.participants).reduce((a, b) => a + b, 0),
      participants: group.participants,
      plannedAt: group.plannedAt,
    });
    const present = Object.values(group.participants).reduce((a, b) => a + b, 0);
    for (let i = 0; i < guide.items.length; i++) {
      await call('answers.save', {
        interviewId: interview.id,
        itemId: guide.items[i].id,
        answer: answerFor(guide, i, g, present),
        followUp: i % 17 === 0,
      });
    }
    for (const note of group.notes) await call('notes.add', { interviewId: interview.id, ...note });
    await call('interviews.setProgress', { id: interview.id, currentItemId: null, status: 'completed' });
    interviewIds.push(interview.id);
  }
  await call('assessments.setStatus', { id: assessment.id, status: 'completed' });

  const proposed = await call('findings.propose', { assessmentId: assessment.id });
  const findingIds = proposed.created.map((f) => f.id);
  const measureIds: string[] = [];
  for (const [i, finding] of proposed.created.entries()) {
    if (i === proposed.created.length - 1 && proposed.created.length > 2) {
      await call('findings.dismiss', { id: finding.id, reason: 'Vurdert sammen med verneombudet: gjelder bare én enkelthendelse som er fulgt opp.' });
      continue;
    }
    await call('findings.update', {
      id: finding.id,
      title: finding.title,
      factorIds: finding.factorIds,
      hazard: finding.hazard,
      causes: finding.causes || 'Økt arealnorm, lite tid mellom byggene og uklar beskjed om prioriteringer.',
      exposed: 'Renholdere på dag- og kveldsskift; særlig de som arbeider alene.',
      existingMeasures: finding.existingMeasures || 'Arbeidsplaner per bygg; verneombud valgt, men lite kjent.',
      likelihood: 4 - (i % 2),
      consequence: 3 + (i % 2),
      justification: 'Mange i gruppene beskrev belastningen som jevnlig, og den henger sammen med sykefravær.',
      accept: true,
    });
    const suggestions = await call('measures.suggestions', { findingId: finding.id });
    for (const [m, suggestion] of suggestions.slice(0, 2).entries()) {
      const measure = await call('measures.create', {
        assessmentId: assessment.id,
        findingId: finding.id,
        title: suggestion.text.nb ?? Object.values(suggestion.text)[0],
        rationale: `Fra tiltaksbiblioteket for «${suggestion.factorTitle.nb}».`,
        responsibleRole: m === 0 ? 'employer' : 'manager',
        deadline: `2026-${String(10 + m).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`,
        priority: i === 0 ? 'high' : 'medium',
        status: m === 0 ? 'agreed' : 'proposed',
        agreedBy: m === 0 ? ['employer', 'safetyRepresentative'] : [],
      });
      measureIds.push(measure.id);
    }
  }
  const manual = await call('findings.create', {
    assessmentId: assessment.id,
    title: 'Språkbarrierer ved opplæring i kjemikaliebruk',
    factorIds: ['training'],
    hazard: 'Opplæring og sikkerhetsdatablad gis bare på norsk.',
    causes: 'Ingen rutine for tolk eller oversatt opplæring.',
    exposed: 'Nyansatte renholdere med lite norsk.',
    existingMeasures: 'Muntlig gjennomgang fra leder ved oppstart.',
    likelihood: 3,
    consequence: 4,
    justification: 'Kom fram i to av tre grupper.',
  });
  findingIds.push(manual.id);
  const measure = await call('measures.create', {
    assessmentId: assessment.id,
    findingId: manual.id,
    title: 'Opplæring i kjemikaliebruk med tolk eller på arbeidstakernes språk',
    rationale: 'Sikrer at alle forstår risiko og verneutstyr.',
    responsibleRole: 'employer',
    deadline: '2026-11-15',
    priority: 'high',
    status: 'agreed',
    agreedBy: ['employer', 'safetyRepresentative'],
  });
  measureIds.push(measure.id);
  await call('assessments.setFollowUpDate', { assessmentId: assessment.id, followUpDate: '2027-03-01' });

  return { clientId: client.id, assessmentId: assessment.id, interviewIds, findingIds, measureIds };
}
