// How the interview screen loads and opens an interview, against the real API on a SQLite file: the
// screen's data comes in one call, the guide in the languages shown first, and a load never overwrites
// answers on screen whose writes are still on their way.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/api/contract';
import type { AssessmentDetails, InterviewSummary } from '../../src-main/core/assessments';
import type { Guide } from '../../src-main/core/guide';
import type { ApiCaller } from '../../src-renderer/lib/api/query-core';
import { apiCalls } from './fixtures/api-calls';
import { useTempRuntime } from './fixtures/temp-runtime';

/** Answer writes wait while `hold` is set: as a slow or busy API would keep them. */
const writes = vi.hoisted(() => ({ hold: null as Promise<void> | null, runtime: null as unknown as { call(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> } }));

vi.mock('../../src-renderer/lib/api/client', () => {
  class ApiError extends Error {
    readonly code: string;
    readonly issues: unknown[] = [];
    constructor(data: { code: string; message: string }) {
      super(data.message);
      this.code = data.code;
    }
  }
  return {
    ApiError,
    api: {
      async call(method: string, input: unknown) {
        if (method.startsWith('answers.') && writes.hold) await writes.hold;
        const result = await writes.runtime.call(method, input);
        if (!result.ok) throw new ApiError(result.error!);
        return result.value;
      },
    },
  };
});

const { arrivedInterview, fetchInterview, useInterview } = await import('../../src-renderer/features/interview/interview-store');
const { requestInterviewEarly } = await import('../../src-renderer/features/interview/interview-requests');

const temp = useTempRuntime('all');
let guide: Guide;
let interview: InterviewSummary;
const { ok, fails } = apiCalls(() => temp);

/** An ApiCaller over the runtime that notes when each call starts and ends. */
function recordingCaller() {
  const events: string[] = [];
  const inputs: { method: string; input: unknown }[] = [];
  const caller: ApiCaller = {
    async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      events.push(`start ${method}`);
      inputs.push({ method, input });
      // Every call waits a turn, so calls started together are all under way before one ends.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const value = await ok<MethodOutput<M>>(method, input);
      events.push(`end ${method}`);
      return value;
    },
  };
  return { caller, events, inputs };
}

beforeAll(async () => {
  writes.runtime = temp.runtime;
  const client = await ok<{ id: string }>('clients.create', { name: 'Lasting Renhold AS' });
  guide = await ok<Guide>('guides.get', { id: 'psychosocial-cleaning' });
  const assessment = await ok<AssessmentDetails>('assessments.create', { clientId: client.id, title: 'Kartlegging', method: 'group', guideId: guide.id, guideVersion: guide.version });
  interview = await ok<InterviewSummary>('interviews.create', {
    assessmentId: assessment.id,
    groupName: 'Dagskift',
    kind: 'group',
    respondentLanguage: 'pl',
    languages: ['pl', 'nb'],
    participants: { employee: 4 },
  });
});

describe('loading the interview screen', () => {
  it('asks for the interview, its assessment, the marked items and the guide in one call', async () => {
    const first = recordingCaller();
    const loaded = await fetchInterview(first.caller, interview.id);
    expect(first.events).toEqual(['start interviews.open', 'end interviews.open']);
    expect(loaded.guide.id).toBe(guide.id);
    expect(loaded.details.id).toBe(interview.id);
    expect(loaded.assessment.id).toBe(interview.assessmentId);
    // The same records the separate calls give.
    expect(loaded.details).toEqual(await ok('interviews.get', { id: interview.id }));
    expect(loaded.assessment).toEqual(await ok('assessments.get', { id: interview.assessmentId }));
    expect(loaded.markedSensitive).toEqual((await ok<{ markedItemIds: string[] }>('assessments.sensitiveItems', { assessmentId: interview.assessmentId })).markedItemIds);
    useInterview.getState().open(loaded);
  });

  it('opens at the saved place with the saved answers', async () => {
    const secondItem = useInterview.getState().guide!.items[1];
    await ok('interviews.setProgress', { id: interview.id, currentItemId: secondItem.id, status: 'in_progress' });
    await ok('answers.save', { interviewId: interview.id, itemId: secondItem.id, answer: { kind: 'tally', votes: { '3': 2 } }, followUp: true });
    const loaded = await fetchInterview(recordingCaller().caller, interview.id);
    useInterview.getState().open(loaded);
    const state = useInterview.getState();
    expect(state.openedFrom).toBe(loaded);
    expect(state.index).toBe(1);
    expect(state.answers[secondItem.id]).toEqual({ answer: { kind: 'tally', votes: { '3': 2 } }, followUp: true });
  });

  it('keeps answers whose writes are still on their way when the same interview loads again', async () => {
    let release!: () => void;
    writes.hold = new Promise((resolve) => (release = resolve));
    const store = useInterview.getState();
    const itemId = store.guide!.items[store.index].id;
    store.choose(5);
    expect(useInterview.getState().save.pending).toBeGreaterThan(0);

    const loaded = await fetchInterview(recordingCaller().caller, interview.id);
    useInterview.getState().open(loaded);
    // The load is taken as shown (the screen may show it), but the newer answer on screen stays.
    expect(useInterview.getState().openedFrom).toBe(loaded);
    expect(useInterview.getState().answers[itemId]).toEqual({ answer: { kind: 'tally', votes: { '3': 2, '5': 1 } }, followUp: true });

    writes.hold = null;
    release();
    await vi.waitFor(() => expect(useInterview.getState().save.pending).toBe(0));
    const stored = await ok<{ answers: { itemId: string; answer: unknown }[] }>('interviews.get', { id: interview.id });
    expect(stored.answers.find((a) => a.itemId === itemId)?.answer).toEqual({ kind: 'tally', votes: { '3': 2, '5': 1 } });
  });

  it('has a load started at start-up ready for the screen\'s first render once it arrived, as the very object the screen\'s load then takes', async () => {
    const early = recordingCaller();
    requestInterviewEarly(early.caller, interview.id);
    // Under way: nothing to show yet, the screen shows its loading state.
    expect(arrivedInterview(interview.id)).toBeUndefined();
    await vi.waitFor(() => expect(early.events).toContain('end interviews.open'));
    await vi.waitFor(() => expect(arrivedInterview(interview.id)).toBeDefined());
    const shownAtOnce = arrivedInterview(interview.id)!;
    expect(shownAtOnce.details.id).toBe(interview.id);
    // Looking does not take it; the screen's load does, without asking the API again, and returns the same object.
    expect(arrivedInterview(interview.id)).toBe(shownAtOnce);
    const screen = recordingCaller();
    expect(await fetchInterview(screen.caller, interview.id)).toBe(shownAtOnce);
    expect(screen.events).toEqual([]);
    expect(arrivedInterview(interview.id)).toBeUndefined();
    expect(arrivedInterview('not-an-interview')).toBeUndefined();

    // One that failed is never shown.
    requestInterviewEarly({ call: () => Promise.reject(new Error('locked')) }, interview.id);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(arrivedInterview(interview.id)).toBeUndefined();
  });

  it('takes a load started at start-up once, and forgets one that failed', async () => {
    const early = recordingCaller();
    requestInterviewEarly(early.caller, interview.id);
    const screen = recordingCaller();
    const loaded = await fetchInterview(screen.caller, interview.id);
    expect(loaded.details.id).toBe(interview.id);
    expect(screen.events).toEqual([]);
    expect(early.events).toContain('end interviews.open');
    // Taken: the next load asks the API again.
    await fetchInterview(screen.caller, interview.id);
    expect(screen.events).toContain('start interviews.open');

    const refusing: ApiCaller = { call: () => Promise.reject(new Error('locked')) };
    requestInterviewEarly(refusing, interview.id);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const afterFailure = recordingCaller();
    await expect(fetchInterview(afterFailure.caller, interview.id)).resolves.toMatchObject({ details: { id: interview.id } });
    expect(afterFailure.events).toContain('start interviews.open');
  });
});

describe('the guide in the languages the screen shows', () => {
  const textLanguages = (guide: Guide) => Object.keys(guide.items[0].text).sort();
  const anotherGroup = (groupName: string, respondentLanguage: string, languages: string[]) =>
    ok<InterviewSummary>('interviews.create', { assessmentId: interview.assessmentId, groupName, kind: 'group', respondentLanguage, languages, participants: { employee: 5 } });

  it('loads the group\'s and the app\'s languages first, and adds another when the participants\' view asks for it', async () => {
    const loaded = await fetchInterview(recordingCaller().caller, interview.id);
    useInterview.getState().open(loaded);
    expect(textLanguages(useInterview.getState().guide!)).toEqual(['en', 'nb', 'pl']);
    expect(useInterview.getState().guideLanguages.sort()).toEqual(['en', 'nb', 'pl']);

    // Chosen before its texts are there: the view keeps showing Polish.
    useInterview.getState().setRespondentLanguage('lt');
    expect(useInterview.getState().respondentShown).toBe('pl');
    const lithuanian = await ok<Guide>('guides.get', { id: guide.id, version: guide.version, languages: ['lt'] });
    useInterview.getState().guideLanguagesLoaded(loaded.guideKey, ['lt'], lithuanian);
    const state = useInterview.getState();
    expect(state.respondentShown).toBe('lt');
    expect(state.guide!.items[0].text.lt).toBe(guide.items[0].text.lt);
    expect(state.guide!.items[0].text.pl).toBe(guide.items[0].text.pl);
    // Texts of a guide no longer open are dropped.
    useInterview.getState().guideLanguagesLoaded('another@1+', ['ar'], await ok<Guide>('guides.get', { id: guide.id, version: guide.version, languages: ['ar'] }));
    expect(useInterview.getState().guide!.items[0].text.ar).toBeUndefined();

    // Reopened, the guide keeps the Lithuanian the participants' view added.
    const reopened = await fetchInterview(recordingCaller().caller, interview.id);
    expect(textLanguages(reopened.guide)).toEqual(['en', 'lt', 'nb', 'pl']);
    expect(reopened.guide.items[0].text).toEqual(Object.fromEntries(['en', 'lt', 'nb', 'pl'].map((code) => [code, guide.items[0].text[code]])));
  });

  it('gives another interview of the same guide its own languages, and keeps those loaded before', async () => {
    const somali = await anotherGroup('Kveldsskift', 'so', ['so']);
    const caller = recordingCaller();
    const loaded = await fetchInterview(caller.caller, somali.id);
    expect(caller.inputs).toEqual([{ method: 'interviews.open', input: { id: somali.id } }]);
    expect(textLanguages(loaded.guide)).toEqual(['en', 'lt', 'nb', 'pl', 'so']);
    expect(loaded.guideLanguages.sort()).toEqual(['en', 'lt', 'nb', 'pl', 'so']);
  });

  it('leaves out a language the guide does not have that an interview lists', async () => {
    const klingon = await anotherGroup('Helgeskift', 'tlh', ['tlh', 'pl']);
    const opened = await ok<{ guideLanguages: string[]; guide: Guide }>('interviews.open', { id: klingon.id });
    expect(opened.guideLanguages.sort()).toEqual(['en', 'nb', 'pl']);
    expect(textLanguages(opened.guide)).toEqual(['en', 'nb', 'pl']);
    expect((await fails('interviews.open', { id: '00000000-0000-4000-8000-000000000000' })).code).toBe('not_found');
  });

  it('refuses a language the guide does not have, or that is no language code, naming it', async () => {
    const unknown = await fails('guides.get', { id: guide.id, version: guide.version, languages: ['pl', 'xx'] });
    expect(unknown.code).toBe('invalid_input');
    expect(unknown.message).toContain('"xx"');
    expect(unknown.issues).toEqual([{ path: 'languages.1', message: 'the guide has no "xx" texts' }]);
    expect((await fails('guides.get', { id: guide.id, languages: ['PL!'] })).code).toBe('invalid_input');
    expect((await fails('guides.get', { id: guide.id, languages: [] })).code).toBe('invalid_input');
  });
});
