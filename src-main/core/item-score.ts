// One answer to one item as a score on the 0–100 scale, with the number of people it speaks for.
import type { Answer } from './answers';
import type { GuideItem, GuideScale } from './guide';
import { weightedMean } from './weighted-mean';

export interface ScaleRange {
  min: number;
  max: number;
}

interface ScaleFacts {
  range: ScaleRange;
  values: ReadonlySet<number>;
}

// Scoring looks these up for every answer of every respondent; a guide's scales never change once
// loaded, so they are worked out once per scale.
const scaleFacts = new WeakMap<GuideScale, ScaleFacts>();

function factsOf(scale: GuideScale): ScaleFacts {
  let facts = scaleFacts.get(scale);
  if (!facts) {
    const values = scale.points.map((point) => point.value);
    facts = { range: { min: Math.min(...values), max: Math.max(...values) }, values: new Set(values) };
    scaleFacts.set(scale, facts);
  }
  return facts;
}

export function scaleRange(scale: GuideScale): ScaleRange {
  return factsOf(scale).range;
}

/** The value a reverse-scored answer counts as: the scale turned round, lowest and highest swapped. */
export function mirrorValue(range: ScaleRange, value: number): number {
  return range.min + range.max - value;
}

/** (v − min) / (max − min) × 100, or 100 minus that for a reverse-scored item. Throws a RangeError
 * for a value that is not on the scale: that is broken data, not an answer. */
export function scoreScaleValue(scale: GuideScale, value: number, reverse = false): number {
  const { range, values } = factsOf(scale);
  if (!values.has(value)) throw new RangeError(`${value} is not a value on the scale "${scale.id}"`);
  // Scoring the mirrored value equals 100 − score, but stays exact in floating point, so reversing
  // twice gives back the very same number.
  const scored = reverse ? mirrorValue(range, value) : value;
  return ((scored - range.min) / (range.max - range.min)) * 100;
}

export interface ItemScore {
  itemId: string;
  /** 0–100, after reverse scoring. */
  score: number;
  /** How many people the answer speaks for: a consensus's participants, or the number of votes. */
  weight: number;
}

/** Null when the item is unanswered: no answer, "not applicable", or a tally without votes. */
export function scoreItem(item: GuideItem, scale: GuideScale, answer: Answer | undefined): ItemScore | null {
  if (answer === undefined) return null;
  switch (answer.kind) {
    case 'notApplicable':
      return null;
    case 'consensus':
      if (!(answer.participants > 0)) return null;
      return { itemId: item.id, score: scoreScaleValue(scale, answer.value, item.reverse), weight: answer.participants };
    case 'tally': {
      const votes = Object.entries(answer.votes)
        .filter(([, count]) => count > 0)
        .map(([value, count]) => ({ value: scoreScaleValue(scale, Number(value), item.reverse), weight: count }));
      const score = weightedMean(votes);
      if (score === null) return null;
      return { itemId: item.id, score, weight: votes.reduce((sum, vote) => sum + vote.weight, 0) };
    }
  }
}
