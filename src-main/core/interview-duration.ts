// The planner's estimate of how long a group session takes for a set of items (docs/guides.md).
import type { Guide, GuideItem } from './guide';
import { plannedGuide } from './guide-modules';

/** How the group answers: one agreed score after a short discussion, or votes counted by hand. */
export type AnswerMode = 'consensus' | 'tally';

/** Seconds per question without an interpreter. Only the tally figure rests on a timing: the 1.0.0
 * guide's 68 questions with voting and an interpreter took two to two and a half hours (issue 13),
 * 46–60 s a question. Consensus and private rounds have no timing: consensus is at least the tally
 * time (the question is read and answered the same way, then discussed), and the extra 15 s is an
 * assumption, which is why the planner tells the consultant so (docs/guides.md). */
export const secondsPerItem: Record<AnswerMode | 'private', number> = {
  consensus: 75,
  tally: 60,
  // A private round (ballot on screen or on cards) is handed out, answered and collected.
  private: 90,
};

/** An interpreter says every question and every answer again: roughly double the time (the brief). */
export const interpreterFactor = 2;

/** A group session longer than this does not fit the hour and a quarter a cleaning crew can be
 * taken off the job (issue 13: "about 60–75 minutes"). */
export const sessionLimitMinutes = 75;

/** Welcome, anonymity and how to answer at the start; summary and what happens next at the end. */
export const introMinutes = 10;
export const outroMinutes = 5;

export interface DurationInput {
  /** Items answered in the group's answer mode. */
  openItems: number;
  /** Sensitive items answered in a private round, whatever the group's mode. */
  privateItems: number;
  mode: AnswerMode;
  interpreter: boolean;
}

/** Whole minutes, rounded up to the next 5, since nobody plans a session to the minute. */
export function estimateSessionMinutes({ openItems, privateItems, mode, interpreter }: DurationInput): number {
  const questionSeconds = openItems * secondsPerItem[mode] + privateItems * secondsPerItem.private;
  const minutes = introMinutes + outroMinutes + (questionSeconds * (interpreter ? interpreterFactor : 1)) / 60;
  return Math.ceil(minutes / 5) * 5;
}

/** Sensitive items (GUIDE-V2.md, item.sensitive) are answered in a private round, never by a show of hands. */
function isPrivateItem(item: GuideItem): boolean {
  return item.sensitive === true;
}

/** The estimate for a guide's core set plus the chosen modules. */
export function estimatePlannedSession(guide: Guide, chosenModules: readonly string[], mode: AnswerMode, interpreter: boolean): number {
  const items = plannedGuide(guide, chosenModules).items;
  const privateItems = items.filter(isPrivateItem).length;
  return estimateSessionMinutes({ openItems: items.length - privateItems, privateItems, mode, interpreter });
}

/** What the planner tells the consultant about the chosen set: its length and, when it is over the
 * limit, what would bring it under. */
export interface SessionAdvice {
  minutes: number;
  overLimit: boolean;
  /** The core set alone with this answer mode and interpreter choice. */
  coreMinutes: number;
  /** The same set with votes counted, when the group was to agree one answer (consensus). */
  withVotesMinutes?: number;
  /** Each chosen module with the estimate without it, the largest saving first. */
  withoutModule: { id: string; minutes: number }[];
  /** The fewest chosen modules to drop, largest first, for the set to fit; empty when it fits, and
   * undefined when even the core set alone does not fit with this answer mode. */
  dropToFit?: string[];
}

export function adviseSession(guide: Guide, chosenModules: readonly string[], mode: AnswerMode, interpreter: boolean): SessionAdvice {
  const estimate = (modules: readonly string[], answerMode: AnswerMode = mode) => estimatePlannedSession(guide, modules, answerMode, interpreter);
  const minutes = estimate(chosenModules);
  const coreMinutes = estimate([]);
  const withoutModule = chosenModules
    .map((id) => ({ id, minutes: estimate(chosenModules.filter((m) => m !== id)) }))
    .sort((a, b) => a.minutes - b.minutes || a.id.localeCompare(b.id));
  let dropToFit: string[] | undefined;
  if (coreMinutes <= sessionLimitMinutes) {
    dropToFit = [];
    let kept = [...chosenModules];
    for (const { id } of withoutModule) {
      if (estimate(kept) <= sessionLimitMinutes) break;
      kept = kept.filter((m) => m !== id);
      dropToFit.push(id);
    }
  }
  return {
    minutes,
    overLimit: minutes > sessionLimitMinutes,
    coreMinutes,
    withVotesMinutes: mode === 'consensus' ? estimate(chosenModules, 'tally') : undefined,
    withoutModule,
    dropToFit,
  };
}
