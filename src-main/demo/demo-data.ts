// A realistic, clearly fictional cleaning company mapped with the built-in guide 2.0.0: three groups
// interviewed in the last weeks (exposure and pay asked in a private round), findings and an action plan
// with deadlines ahead, created through the API so that it is exactly what a consultant could have entered.
import type { ApiRuntime } from '../api/runtime';
import type { MethodInput, MethodName, MethodOutput } from '../api/contract';
import { AppError } from '../core/errors';
import { localIsoDate } from '../core/dates';
import { plannedGuide } from '../core/guide-modules';
import { demoAnswer, demoGroups, demoMarkedSensitiveItems, demoModules } from './demo-answers';
import { demoFindingPlans, demoManualFinding, type DemoMeasure } from './demo-findings';

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

/** The local date `days` from `today` (negative: before it). */
function daysFrom(today: Date, days: number): string {
  const moment = new Date(today);
  moment.setDate(moment.getDate() + days);
  return localIsoDate(moment);
}

/** Guide 2.0.0's core set and modules are what the demo's groups, notes and findings are written
 * for, so it asks for that version rather than whatever is newest. `today` anchors every date. */
export async function createDemo(runtime: Pick<ApiRuntime, 'call'>, today = new Date()): Promise<DemoIds> {
  const call = caller(runtime);
  const date = (days: number) => daysFrom(today, days);
  const client = await call('clients.create', {
    name: 'Blank & Ren Renhold AS (demo)',
    // Nine nines passes the mod-11 check and is plainly not a real company's number.
    orgNumber: '999 999 999',
    naceCode: '81.21',
    address: 'Eksempelveien 1',
    postalCode: '0000',
    city: 'Fjordby',
    contactName: 'Kari Nilsen, daglig leder (demo)',
    notes: 'Fiktivt selskap laget av «kartlegg demo».',
  });
  const unit = await call('units.create', { clientId: client.id, name: 'Kontor- og sykehusrenhold Fjordby', address: 'Fjordby' });
  const assessment = await call('assessments.create', {
    clientId: client.id,
    unitId: unit.id,
    title: `Kartlegging av psykososialt arbeidsmiljø ${today.getFullYear()}`,
    mandate:
      'Bedriften har bedt bedriftshelsetjenesten om å kartlegge og risikovurdere det psykososiale arbeidsmiljøet for renholderne, ' +
      'jf. arbeidsmiljøloven § 3-1 og § 4-3 og internkontrollforskriften § 5, og å foreslå tiltak i samarbeid med verneombudet.',
    method: 'group',
    consultant: 'Demo Konsulent, BHT',
    plannedStart: date(-21),
    plannedEnd: date(7),
    guideId: 'psychosocial-cleaning',
    guideVersion: '2.0.0',
    modules: demoModules,
    minGroupSize: 5,
  });
  await call('assessments.setSensitiveItems', { assessmentId: assessment.id, itemIds: demoMarkedSensitiveItems });
  // The guide as this assessment asks it: the core set and the chosen modules.
  const guide = plannedGuide(await call('guides.get', { id: assessment.guideId, version: assessment.guideVersion }), assessment.modules);

  const interviewIds: string[] = [];
  for (const [g, group] of demoGroups.entries()) {
    const interview = await call('interviews.create', {
      assessmentId: assessment.id,
      groupName: group.groupName,
      kind: 'group',
      respondentLanguage: group.respondentLanguage,
      languages: group.languages,
      interpreterUsed: group.interpreterUsed,
      expectedParticipants: group.employees,
      participants: { employee: group.employees },
      plannedAt: date(-group.daysAgo),
    });
    await call('interviews.setAnswerMode', { id: interview.id, answerMode: group.answerMode });
    for (let i = 0; i < guide.items.length; i++) {
      await call('answers.save', {
        interviewId: interview.id,
        itemId: guide.items[i].id,
        answer: demoAnswer(guide, i, group, g),
        followUp: group.followUp.includes(guide.items[i].id),
      });
    }
    for (const note of group.notes) await call('notes.add', { interviewId: interview.id, ...note });
    await call('interviews.setProgress', { id: interview.id, currentItemId: null, status: 'completed' });
    // Answered just now, but held on the planned day: as a consultant corrects it afterwards.
    await call('interviews.setHeld', { id: interview.id, date: date(-group.daysAgo), ...group.held });
    interviewIds.push(interview.id);
  }
  await call('assessments.setStatus', { id: assessment.id, status: 'completed' });

  const measureIds: string[] = [];
  const addMeasure = async (findingId: string, measure: DemoMeasure) => {
    let rationale = measure.rationale;
    if (measure.libraryId) {
      const suggestion = (await call('measures.suggestions', { findingId })).find((s) => s.id === measure.libraryId);
      if (!suggestion) throw new AppError('internal', `demo: the guide has no measure ${measure.libraryId} for this finding`);
      rationale = `${suggestion.text.nb} ${rationale}`;
    }
    const created = await call('measures.create', {
      assessmentId: assessment.id,
      findingId,
      title: measure.title,
      rationale,
      responsibleRole: 'employer',
      responsibleName: measure.responsibleName,
      deadline: date(measure.deadlineInDays),
      priority: measure.priority,
      status: measure.status,
      agreedBy: measure.agreedDaysAgo === undefined ? [] : ['employer', 'safetyRepresentative'],
      agreedOn: measure.agreedDaysAgo === undefined ? null : date(-measure.agreedDaysAgo),
    });
    measureIds.push(created.id);
  };

  const proposed = await call('findings.propose', { assessmentId: assessment.id });
  const findingIds = proposed.created.map((f) => f.id);
  for (const finding of proposed.created) {
    const plan = demoFindingPlans[finding.factorIds[0]];
    if (!plan) throw new AppError('internal', `demo: no text for the finding proposed for ${finding.factorIds.join(', ')}`);
    // The proposal's hazard is the guide's general text, then the counts and the legal basis: the
    // consultant's own observation takes the general text's place, the evidence stays.
    const evidence = finding.hazard.split('\n\n').slice(1).join('\n\n');
    if ('dismiss' in plan) {
      const hazard = [plan.observation, evidence].filter(Boolean).join('\n\n');
      await call('findings.update', { id: finding.id, title: plan.title, factorIds: finding.factorIds, hazard });
      await call('findings.dismiss', { id: finding.id, reason: plan.dismiss });
      continue;
    }
    const text = plan.accept;
    await call('findings.update', {
      id: finding.id,
      title: text.title,
      factorIds: finding.factorIds,
      hazard: [text.observation, evidence].filter(Boolean).join('\n\n'),
      causes: text.causes,
      exposed: text.exposed,
      existingMeasures: text.existingMeasures,
      likelihood: text.likelihood,
      consequence: text.consequence,
      justification: text.justification,
      accept: true,
    });
    for (const measure of text.measures) await addMeasure(finding.id, measure);
  }
  const { measure, ...manualFinding } = demoManualFinding;
  const manual = await call('findings.create', { assessmentId: assessment.id, ...manualFinding });
  findingIds.push(manual.id);
  await addMeasure(manual.id, measure);
  await call('assessments.setFollowUpDate', { assessmentId: assessment.id, followUpDate: date(180) });

  return { clientId: client.id, assessmentId: assessment.id, interviewIds, findingIds, measureIds };
}
