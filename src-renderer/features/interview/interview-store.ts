// The running interview: its guide (loaded once per guide version), where the consultant is, the
// answers and notes as shown, and the pending writes that carry every change to the API at once.
// InterviewScreen loads it with useApiLoad (fetchInterview) and opens it here; the one-off changes
// (participants, answer mode) are useApiMutations in ParticipantsStep that hand their result back.
import { create } from 'zustand';
import type { MethodOutput } from '../../../src-main/api/contract';
import type { Answer } from '../../../src-main/core/answers';
import {
  totalParticipants,
  type AnswerMode,
  type AssessmentSummary,
  type FactorNoteKind,
  type Interview,
  type InterviewStatus,
} from '../../../src-main/core/assessments';
import type { Guide } from '../../../src-main/core/guide';
import { addGuideLanguages } from '../../../src-main/core/guide-texts';
import { indexGuide, type GuideIndex } from '../../../src-main/core/guide-index';
import { isPrivateRoundItem } from '../../../src-main/core/private-answering';
import { plannedGuide } from '../../../src-main/core/guide-modules';
import { api, ApiError } from '../../lib/api/client';
import type { ApiCaller } from '../../lib/api/query-core';
import { arrivedEarlyInterview, requestInterview, takeEarlyInterview } from './interview-requests';
import { combineWrites, writeItemId, writeKey, type InterviewWrite } from './logic/interview-writes';
import { changeVote, furthestIndex, resumeIndex, tallyProblem } from './logic/interview-progress';
import { finishCheck, hasUnsavedInput, type FinishCheck } from './logic/finish-check';
import { createWriteQueue, type QueueState } from './logic/write-queue';

export type { AnswerMode } from '../../../src-main/core/assessments';

export interface ItemEntry {
  answer: Answer;
  followUp: boolean;
}

export interface LocalNote {
  localId: string;
  factorId: string;
  kind: FactorNoteKind;
  text: string;
}

export interface PrivateRound {
  itemId: string;
  votes: Record<string, number>;
  /** Participants who have had their turn ("Vet ikke" included). */
  turns: number;
}

/** What InterviewScreen loads for one interview (fetchInterview) and opens in the store. */
export interface LoadedInterview {
  details: MethodOutput<'interviews.get'>;
  assessment: AssessmentSummary;
  guide: Guide;
  guideKey: string;
  /** The languages the guide's texts are loaded in (the others are asked for when shown). */
  guideLanguages: string[];
  markedSensitive: string[];
}

/** A guide as loaded for an assessment, with the languages its texts are in. */
interface CachedGuide {
  guide: Guide;
  languages: string[];
}

interface InterviewState {
  /** The load the store shows; InterviewScreen waits until it is the one it loaded. */
  openedFrom: LoadedInterview | null;
  interview: Interview | null;
  assessment: AssessmentSummary | null;
  guide: Guide | null;
  /** The languages the guide's texts are loaded in. */
  guideLanguages: string[];
  /** Guides by "id@version+modules" with the languages loaded so far: reopening an interview keeps
   * the languages the participants' view added. */
  guideCache: Record<string, CachedGuide>;
  index: number;
  furthest: number;
  answers: Record<string, ItemEntry>;
  modes: Record<string, AnswerMode>;
  /** The mode every item opens in: the one chosen for the interview at its start. Switching one
   * item's mode never carries over to the next. */
  defaultMode: AnswerMode;
  /** Items the consultant marked for a private round in this assessment (beside the guide's own). */
  markedSensitive: string[];
  /** A private round in progress: votes are held here, never shown, and saved as one tally when
   * the round closes; nothing records who voted when, or in which order. */
  privateRound: PrivateRound | null;
  notes: LocalNote[];
  /** Writes the API refused, shown where they belong. */
  itemErrors: Record<string, unknown>;
  noteErrors: Record<string, unknown>;
  progressError: unknown;
  /** Shown at the item when F is pressed before it has an answer. */
  flagNeedsAnswer: boolean;
  save: QueueState;
  showPrompts: boolean;
  showHelp: boolean;
  respondentOpen: boolean;
  /** The language chosen in the participants' view. */
  respondentLanguage: string;
  /** The language the participants' view shows: the chosen one once its texts are loaded, the one
   * before it until then (never a blank). */
  respondentShown: string;
  /** Set by the N key until the note field of the current factor has taken the focus. */
  noteFocusPending: boolean;
  /** Text typed in the new-note field but not added yet: leaving would lose it. */
  noteDraft: boolean;
  finishCheckOpen: boolean;
  /** The notes panel folds away to give the question room on a small screen. */
  notesOpen: boolean;

  open(loaded: LoadedInterview): void;
  /** The interview as interviews.update returned it after the participants were changed. */
  participantsRecorded(updated: MethodOutput<'interviews.update'>): void;
  goTo(index: number): void;
  next(): void;
  previous(): void;
  choose(value: number): void;
  removeVote(value: number): void;
  notApplicable(): void;
  clearAnswer(): void;
  setConsensusParticipants(participants: number): void;
  toggleFollowUp(): void;
  toggleMode(): void;
  /** interviews.setAnswerMode has stored the mode every item opens in. */
  answerModeSet(mode: AnswerMode): void;
  startPrivateRound(): void;
  /** One participant's vote; null for "Vet ikke" (a turn taken, no vote). */
  castBallot(value: number | null): void;
  closePrivateRound(): void;
  addNote(factorId: string, kind: FactorNoteKind, text: string): void;
  updateNote(localId: string, kind: FactorNoteKind, text: string): void;
  deleteNote(localId: string): void;
  togglePrompts(): void;
  toggleHelp(): void;
  setRespondentOpen(open: boolean): void;
  setRespondentLanguage(language: string): void;
  /** The guide's texts in more languages (guides.get with `languages`) for the guide `guideKey`. */
  guideLanguagesLoaded(guideKey: string, languages: readonly string[], texts: Guide): void;
  requestNoteFocus(): void;
  noteFocused(): void;
  setNoteDraft(noteDraft: boolean): void;
  setFinishCheckOpen(open: boolean): void;
  toggleNotes(): void;
  finish(): Promise<void>;
  retrySaving(): void;
}

/** The ids the API gave notes that were added here; notes loaded from the API keep their own id. */
const noteIds = new Map<string, string>();
let localCounter = 0;
const newLocalId = () => `local-${Date.now()}-${++localCounter}`;

function serverNoteId(localId: string): string {
  const id = noteIds.get(localId);
  // The add was refused, so there is nothing to change: the refusal was already shown.
  if (!id) throw new ApiError({ code: 'not_found', message: 'The note was never saved.' });
  return id;
}

async function send(write: InterviewWrite): Promise<void> {
  switch (write.kind) {
    case 'answer.save':
      await api.call('answers.save', { interviewId: write.interviewId, itemId: write.itemId, answer: write.answer, followUp: write.followUp });
      return;
    case 'answer.clear':
      await api.call('answers.clear', { interviewId: write.interviewId, itemId: write.itemId });
      return;
    case 'progress':
      await api.call('interviews.setProgress', { id: write.interviewId, currentItemId: write.currentItemId, status: write.status });
      return;
    case 'note.add': {
      const note = await api.call('notes.add', { interviewId: write.interviewId, factorId: write.factorId, kind: write.noteKind, text: write.text });
      noteIds.set(write.localId, note.id);
      return;
    }
    case 'note.update':
      await api.call('notes.update', { id: serverNoteId(write.localId), kind: write.noteKind, text: write.text });
      return;
    case 'note.delete':
      await api.call('notes.delete', { id: serverNoteId(write.localId) });
      noteIds.delete(write.localId);
      return;
  }
}

/** Only a server that is away or busy is worth trying again; anything else it said is final. */
const retryableCodes = new Set(['internal', 'database_locked']);
const isRefusal = (error: unknown) => error instanceof ApiError && !retryableCodes.has(error.code);

const guideIndexes = new WeakMap<Guide, GuideIndex>();
function guideIndex(guide: Guide): GuideIndex {
  let index = guideIndexes.get(guide);
  if (!index) guideIndexes.set(guide, (index = indexGuide(guide)));
  return index;
}

const defaultParticipants = (interview: Interview) => Math.max(1, totalParticipants(interview.participants));

export const useInterview = create<InterviewState>((set, get) => {
  const queue = createWriteQueue<InterviewWrite>({
    keyOf: writeKey,
    combine: combineWrites,
    send,
    isRefusal,
    onChange: (save) => set({ save }),
    onRefused(write, error) {
      const itemId = writeItemId(write);
      if (itemId) set((s) => ({ itemErrors: { ...s.itemErrors, [itemId]: error } }));
      else if (write.kind === 'progress') set({ progressError: error });
      else if ('localId' in write) set((s) => ({ noteErrors: { ...s.noteErrors, [write.localId]: error } }));
    },
  });

  if (typeof window !== 'undefined') {
    window.addEventListener('beforeunload', (event) => {
      if (queue.state().pending > 0) event.preventDefault();
    });
  }

  const write = (change: InterviewWrite) => queue.enqueue(change);

  function current() {
    const { guide, index, interview } = get();
    if (!guide || !interview) return null;
    const item = guide.items[index];
    return { guide, interview, item, scale: guideIndex(guide).scaleOf(item) };
  }

  /** Shows the answer at once, and writes it unless a tally counts more people than are there. */
  function setAnswer(itemId: string, entry: ItemEntry | null) {
    const { interview } = get();
    if (!interview) return;
    set((s) => {
      const answers = { ...s.answers };
      if (entry) answers[itemId] = entry;
      else delete answers[itemId];
      const itemErrors = { ...s.itemErrors };
      delete itemErrors[itemId];
      return { answers, itemErrors, flagNeedsAnswer: false };
    });
    if (!entry) {
      write({ kind: 'answer.clear', interviewId: interview.id, itemId });
      return;
    }
    if (entry.answer.kind === 'tally') {
      // An empty tally is no answer; a tally with too many votes waits for the count to be fixed.
      if (Object.keys(entry.answer.votes).length === 0) {
        set((s) => {
          const answers = { ...s.answers };
          delete answers[itemId];
          return { answers };
        });
        write({ kind: 'answer.clear', interviewId: interview.id, itemId });
        return;
      }
      if (tallyProblem(entry.answer.votes, totalParticipants(interview.participants))) return;
    }
    write({ kind: 'answer.save', interviewId: interview.id, itemId, answer: entry.answer, followUp: entry.followUp });
  }

  function modeOf(itemId: string): AnswerMode {
    const { modes, answers, defaultMode, guide, markedSensitive } = get();
    const item = guide?.items.find((entry) => entry.id === itemId);
    // A sensitive question is counted (from the private round or paper ballots), never agreed aloud.
    if (item && isPrivateRoundItem(item, markedSensitive)) return 'tally';
    const kind = answers[itemId]?.answer.kind;
    return modes[itemId] ?? (kind === 'consensus' || kind === 'tally' ? kind : defaultMode);
  }

  function moveTo(index: number) {
    const { guide, interview, index: at, furthest, privateRound } = get();
    // A private round belongs to its question: it is closed before moving on.
    if (!guide || !interview || privateRound) return;
    const target = Math.min(Math.max(index, 0), guide.items.length - 1);
    if (target === at) return;
    const status: InterviewStatus = interview.status === 'planned' ? 'in_progress' : interview.status;
    set({ index: target, furthest: Math.max(furthest, target), flagNeedsAnswer: false, interview: { ...interview, status } });
    write({ kind: 'progress', interviewId: interview.id, currentItemId: guide.items[target].id, status });
  }

  return {
    openedFrom: null,
    interview: null,
    assessment: null,
    guide: null,
    guideLanguages: [],
    guideCache: {},
    index: 0,
    furthest: 0,
    answers: {},
    modes: {},
    defaultMode: 'tally',
    markedSensitive: [],
    privateRound: null,
    notes: [],
    itemErrors: {},
    noteErrors: {},
    progressError: null,
    flagNeedsAnswer: false,
    save: queue.state(),
    showPrompts: false,
    showHelp: false,
    respondentOpen: false,
    respondentLanguage: 'nb',
    respondentShown: 'nb',
    noteFocusPending: false,
    noteDraft: false,
    finishCheckOpen: false,
    notesOpen: true,

    open(loaded) {
      const { details, assessment, guide, guideKey, guideLanguages, markedSensitive } = loaded;
      // With writes still on their way, what is on screen is newer than what the API returned.
      if (get().interview?.id === details.id && queue.state().pending > 0) {
        set({ openedFrom: loaded });
        return;
      }
      const { answers: savedAnswers, notes: savedNotes, ...interview } = details;
      const index = resumeIndex(guide, interview.currentItemId);
      for (const note of savedNotes) noteIds.set(note.id, note.id);
      set((s) => ({
        openedFrom: loaded,
        interview,
        assessment,
        guide,
        guideLanguages,
        guideCache: { ...s.guideCache, [guideKey]: { guide, languages: guideLanguages } },
        index,
        furthest: furthestIndex(
          guide,
          savedAnswers.map((a) => a.itemId),
          index,
        ),
        answers: Object.fromEntries(savedAnswers.map((a) => [a.itemId, { answer: a.answer, followUp: a.followUp }])),
        modes: {},
        defaultMode: interview.answerMode ?? (interview.kind === 'group' ? 'tally' : 'consensus'),
        markedSensitive,
        privateRound: null,
        notes: savedNotes.map((n) => ({ localId: n.id, factorId: n.factorId, kind: n.kind, text: n.text })),
        itemErrors: {},
        noteErrors: {},
        progressError: null,
        flagNeedsAnswer: false,
        noteFocusPending: false,
        showPrompts: false,
        showHelp: false,
        respondentOpen: false,
        respondentLanguage: interview.respondentLanguage,
        respondentShown: interview.respondentLanguage,
        noteDraft: false,
        finishCheckOpen: false,
      }));
    },

    participantsRecorded(updated) {
      const { interview, guide, index } = get();
      if (!interview || !guide || updated.id !== interview.id) return;
      const status: InterviewStatus = updated.status === 'planned' ? 'in_progress' : updated.status;
      const { answeredCount: _count, ...rest } = updated;
      set({ interview: { ...rest, status } });
      if (updated.status === 'planned') write({ kind: 'progress', interviewId: interview.id, currentItemId: guide.items[index].id, status });
      // A tally held back for too many votes may fit now.
      const before = totalParticipants(interview.participants);
      const after = totalParticipants(updated.participants);
      for (const [itemId, entry] of Object.entries(get().answers)) {
        if (entry.answer.kind !== 'tally') continue;
        if (tallyProblem(entry.answer.votes, before) !== null && tallyProblem(entry.answer.votes, after) === null) {
          write({ kind: 'answer.save', interviewId: interview.id, itemId, answer: entry.answer, followUp: entry.followUp });
        }
      }
    },

    goTo: moveTo,
    next: () => moveTo(get().index + 1),
    previous: () => moveTo(get().index - 1),

    choose(value) {
      const here = current();
      if (!here || !here.scale.points.some((p) => p.value === value)) return;
      const existing = get().answers[here.item.id];
      const followUp = existing?.followUp ?? false;
      if (modeOf(here.item.id) === 'consensus') {
        const participants = existing?.answer.kind === 'consensus' ? existing.answer.participants : defaultParticipants(here.interview);
        setAnswer(here.item.id, { answer: { kind: 'consensus', value, participants }, followUp });
      } else {
        const votes = existing?.answer.kind === 'tally' ? existing.answer.votes : {};
        setAnswer(here.item.id, { answer: { kind: 'tally', votes: changeVote(votes, value, 1) }, followUp });
      }
    },

    removeVote(value) {
      const here = current();
      if (!here) return;
      const existing = get().answers[here.item.id];
      if (existing?.answer.kind !== 'tally') return;
      setAnswer(here.item.id, { answer: { kind: 'tally', votes: changeVote(existing.answer.votes, value, -1) }, followUp: existing.followUp });
    },

    notApplicable() {
      const here = current();
      if (!here) return;
      setAnswer(here.item.id, { answer: { kind: 'notApplicable' }, followUp: get().answers[here.item.id]?.followUp ?? false });
    },

    clearAnswer() {
      const here = current();
      if (here && get().answers[here.item.id]) setAnswer(here.item.id, null);
    },

    setConsensusParticipants(participants) {
      const here = current();
      if (!here) return;
      const existing = get().answers[here.item.id];
      if (existing?.answer.kind !== 'consensus' || !Number.isInteger(participants) || participants < 1) return;
      setAnswer(here.item.id, { answer: { ...existing.answer, participants }, followUp: existing.followUp });
    },

    toggleFollowUp() {
      const here = current();
      if (!here) return;
      const existing = get().answers[here.item.id];
      // The flag is stored with the answer; without one there is nothing to hold it.
      if (!existing) {
        set({ flagNeedsAnswer: true });
        return;
      }
      setAnswer(here.item.id, { ...existing, followUp: !existing.followUp });
    },

    toggleMode() {
      const here = current();
      if (!here) return;
      const mode: AnswerMode = modeOf(here.item.id) === 'tally' ? 'consensus' : 'tally';
      set((s) => ({ modes: { ...s.modes, [here.item.id]: mode } }));
    },

    answerModeSet(mode) {
      set((s) => ({ defaultMode: mode, interview: s.interview ? { ...s.interview, answerMode: mode } : s.interview }));
    },

    startPrivateRound() {
      const here = current();
      if (!here || get().privateRound) return;
      set({ privateRound: { itemId: here.item.id, votes: {}, turns: 0 }, respondentOpen: false });
    },

    castBallot(value) {
      const round = get().privateRound;
      const here = current();
      if (!round || !here) return;
      if (round.turns >= totalParticipants(here.interview.participants)) return;
      if (value !== null && !here.scale.points.some((p) => p.value === value)) return;
      set({ privateRound: { ...round, votes: value === null ? round.votes : changeVote(round.votes, value, 1), turns: round.turns + 1 } });
    },

    closePrivateRound() {
      const round = get().privateRound;
      if (!round) return;
      set({ privateRound: null });
      if (Object.keys(round.votes).length === 0) return;
      setAnswer(round.itemId, { answer: { kind: 'tally', votes: round.votes }, followUp: get().answers[round.itemId]?.followUp ?? false });
    },

    addNote(factorId, kind, text) {
      const { interview } = get();
      if (!interview) return;
      const localId = newLocalId();
      set((s) => ({ notes: [...s.notes, { localId, factorId, kind, text }] }));
      write({ kind: 'note.add', interviewId: interview.id, localId, factorId, noteKind: kind, text });
    },

    updateNote(localId, kind, text) {
      set((s) => {
        const noteErrors = { ...s.noteErrors };
        delete noteErrors[localId];
        return { notes: s.notes.map((n) => (n.localId === localId ? { ...n, kind, text } : n)), noteErrors };
      });
      write({ kind: 'note.update', localId, noteKind: kind, text });
    },

    deleteNote(localId) {
      set((s) => ({ notes: s.notes.filter((n) => n.localId !== localId) }));
      write({ kind: 'note.delete', localId });
    },

    togglePrompts: () => set((s) => ({ showPrompts: !s.showPrompts })),
    toggleHelp: () => set((s) => ({ showHelp: !s.showHelp })),
    setRespondentOpen: (respondentOpen) => set({ respondentOpen }),
    setRespondentLanguage: (respondentLanguage) =>
      set((s) => ({ respondentLanguage, respondentShown: s.guideLanguages.includes(respondentLanguage) ? respondentLanguage : s.respondentShown })),

    guideLanguagesLoaded(guideKey, languages, texts) {
      const { openedFrom, guide, assessment } = get();
      // Texts that arrive after their interview was closed have nowhere to go.
      if (openedFrom?.guideKey !== guideKey || !guide || !assessment) return;
      const merged = addGuideLanguages(guide, plannedGuide(texts, assessment.modules));
      set((s) => {
        const loaded = [...new Set([...s.guideLanguages, ...languages])];
        return {
          guide: merged,
          guideLanguages: loaded,
          guideCache: { ...s.guideCache, [guideKey]: { guide: merged, languages: loaded } },
          respondentShown: loaded.includes(s.respondentLanguage) ? s.respondentLanguage : s.respondentShown,
        };
      });
    },
    requestNoteFocus: () => set({ noteFocusPending: true, notesOpen: true }),
    noteFocused: () => set({ noteFocusPending: false }),
    setNoteDraft: (noteDraft) => set({ noteDraft }),
    setFinishCheckOpen: (finishCheckOpen) => set({ finishCheckOpen }),
    toggleNotes: () => set((s) => ({ notesOpen: !s.notesOpen })),

    async finish() {
      const { interview, guide, index } = get();
      if (!interview || !guide) return;
      set({ interview: { ...interview, status: 'completed' }, progressError: null, finishCheckOpen: false });
      write({ kind: 'progress', interviewId: interview.id, currentItemId: guide.items[index].id, status: 'completed' });
      await queue.idle();
    },

    retrySaving: () => queue.retryNow(),
  };
});

const guideKeyOf = (assessment: AssessmentSummary) => `${assessment.guideId}@${assessment.guideVersion}+${assessment.modules.join(',')}`;

/** What the interview screen shows: the interview, its assessment, the items marked sensitive, and
 * the guide with the modules planned for the assessment, in the languages the screen shows first
 * and those it loaded before for the same guide. A load started at start-up
 * (requestInterviewEarly) is taken instead of asking again. */
export async function fetchInterview(client: ApiCaller, interviewId: string): Promise<LoadedInterview> {
  return loadedInterviewOf(await (takeEarlyInterview(interviewId) ?? requestInterview(client, interviewId)));
}

/** An interview whose early load has already arrived, to be shown at the screen's first render: the
 * very object its load (fetchInterview) then returns, so the screen opens it once. */
export function arrivedInterview(interviewId: string): LoadedInterview | undefined {
  const opened = arrivedEarlyInterview(interviewId);
  return opened ? loadedInterviewOf(opened) : undefined;
}

/** One LoadedInterview per answer of interviews.open. */
const loadedByOpening = new WeakMap<MethodOutput<'interviews.open'>, LoadedInterview>();

function loadedInterviewOf(opened: MethodOutput<'interviews.open'>): LoadedInterview {
  const known = loadedByOpening.get(opened);
  if (known) return known;
  const guideKey = guideKeyOf(opened.assessment);
  const cached = useInterview.getState().guideCache[guideKey];
  const fetched = plannedGuide(opened.guide, opened.assessment.modules);
  const loaded: LoadedInterview = {
    details: opened.interview,
    assessment: opened.assessment,
    guide: cached ? addGuideLanguages(cached.guide, fetched) : fetched,
    guideKey,
    guideLanguages: [...new Set([...(cached?.languages ?? []), ...opened.guideLanguages])],
    markedSensitive: opened.markedSensitiveItemIds,
  };
  loadedByOpening.set(opened, loaded);
  return loaded;
}

/** The finish check of the interview as it stands; also tells whether leaving would lose input. */
export function interviewFinishCheck(state: Pick<InterviewState, 'guide' | 'interview' | 'answers' | 'notes' | 'itemErrors' | 'save'>): FinishCheck | null {
  if (!state.guide || !state.interview) return null;
  return finishCheck({
    guide: state.guide,
    answers: state.answers,
    present: totalParticipants(state.interview.participants),
    notes: state.notes,
    refusedItemIds: Object.keys(state.itemErrors),
    savePending: state.save.pending > 0,
  });
}

export function interviewHasUnsavedInput(
  state: Pick<InterviewState, 'guide' | 'interview' | 'answers' | 'notes' | 'itemErrors' | 'save' | 'noteDraft' | 'noteErrors'>,
): boolean {
  const check = interviewFinishCheck(state);
  return check !== null && hasUnsavedInput(check, { noteDraft: state.noteDraft, refusedNotes: Object.keys(state.noteErrors).length });
}
