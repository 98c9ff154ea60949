// Exposure and knowledge items (guide format 2): counted as people, never averaged into a light.
import type { Answer } from './answers';
import { isExposureItem, type GuideScale } from './guide';
import type { GuideIndex } from './guide-index';
import { scaleRange } from './item-score';
import { answerFor, type ResponseSet } from './response-set';

/** People who reported any exposure, of the people who answered (a "Vet ikke" is not an answer). */
export interface ExposureCount {
  exposed: number;
  answered: number;
}

export interface ItemExposure extends ExposureCount {
  itemId: string;
}

/** A factor's exposure: per exposure item, and for the factor as a whole (see docs/scoring.md). */
export interface FactorExposure extends ExposureCount {
  items: ItemExposure[];
}

/** "7 av 12 vet hvem verneombudet er": `yes` of `answered` answered "Ja" (value 1). */
export interface KnowledgeCount {
  itemId: string;
  yes: number;
  answered: number;
}

/** The value that means "yes" on a knowledge scale. */
export const knowledgeYesValue = 1;

/** A factor with at least one exposure item: its light comes from the exposure count, never the mean. */
export function isExposureFactor(index: GuideIndex, factorId: string): boolean {
  return index.itemsOf(factorId).some(isExposureItem);
}

/** Exposure is any answer above the scale's lowest value ("Nei"). */
export function answerExposure(scale: GuideScale, answer: Answer | undefined): ExposureCount {
  if (answer === undefined || answer.kind === 'notApplicable') return { exposed: 0, answered: 0 };
  const lowest = scaleRange(scale).min;
  if (answer.kind === 'consensus') {
    return { exposed: answer.value > lowest ? answer.participants : 0, answered: answer.participants };
  }
  let exposed = 0;
  let answered = 0;
  for (const [value, votes] of Object.entries(answer.votes)) {
    if (!(votes > 0)) continue;
    answered += votes;
    if (Number(value) > lowest) exposed += votes;
  }
  return { exposed, answered };
}

/**
 * The people in one response set who reported any exposure on the factor's exposure items. A tally
 * does not link one person's votes across items, so for a group this is the largest count on any one
 * item: the fewest people that can have been exposed (exact for a survey respondent or an individual
 * interview). Never more than the people present.
 */
export function setExposure(index: GuideIndex, factorId: string, set: ResponseSet): ExposureCount {
  let exposed = 0;
  let answered = 0;
  for (const item of index.itemsOf(factorId)) {
    if (!isExposureItem(item)) continue;
    const count = answerExposure(index.scaleOf(item), answerFor(set, item.id));
    exposed = Math.max(exposed, count.exposed);
    answered = Math.max(answered, count.answered);
  }
  return { exposed: Math.min(exposed, set.respondents), answered: Math.min(answered, set.respondents) };
}

interface CountedOptions {
  itemId: string;
  options: readonly { value: number; count: number }[];
}

/** An exposure item's count from its distribution: everyone above the lowest value was exposed. */
export function itemExposure(scale: GuideScale, distribution: CountedOptions): ItemExposure {
  const lowest = scaleRange(scale).min;
  let exposed = 0;
  let answered = 0;
  for (const option of distribution.options) {
    answered += option.count;
    if (option.value > lowest) exposed += option.count;
  }
  return { itemId: distribution.itemId, exposed, answered };
}

/** A knowledge item's count of "Ja" from its distribution. */
export function knowledgeCount(distribution: CountedOptions): KnowledgeCount {
  let yes = 0;
  let answered = 0;
  for (const option of distribution.options) {
    answered += option.count;
    if (option.value === knowledgeYesValue) yes += option.count;
  }
  return { itemId: distribution.itemId, yes, answered };
}

/** Share as a whole percentage for display, e.g. 3 of 19 gives 16. Null when nobody answered. */
export function sharePercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}
