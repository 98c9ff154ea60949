// One interview (a group or an individual) or one survey respondent, and its score on each factor.
import type { Answer } from './answers';
import type { RespondentRole } from './assessments';
import type { Guide } from './guide';
import { indexGuide, type GuideIndex } from './guide-index';
import { scoreItem, type ItemScore } from './item-score';
import { weightedMean } from './weighted-mean';

/** The unit of analysis: an individual is a response set with 1 respondent and consensus answers
 * with 1 participant. Respondents are never named; the group label is all that says who they are. */
export interface ResponseSet {
  id: string;
  /** The group the set belongs to in the results, e.g. "Day shift". */
  group: string;
  /** People present (for a survey respondent: 1). */
  respondents: number;
  /** Answers keyed by item id; an item without an answer is unanswered. */
  answers: Readonly<Record<string, Answer>>;
  /** Whose answers: the employees' when not given. Managers' and safety representatives' sets are
   * scored apart (scoreAssessment's `apart`), never in the employees' results. */
  role?: RespondentRole;
}

export interface FactorScore {
  factorId: string;
  /** Mean of the answered items' scores (each item counts once), or null when fewer than half of
   * the factor's items are answered. */
  score: number | null;
  /** People the score speaks for (docs/scoring.md, rule 4); 0 when the score is missing. */
  weight: number;
  answeredItems: number;
  /** The factor's items in the guide, answered or not. */
  itemCount: number;
  items: ItemScore[];
}

export interface ResponseSetScore {
  responseSetId: string;
  group: string;
  factors: FactorScore[];
}

export function answerFor(set: ResponseSet, itemId: string): Answer | undefined {
  // hasOwn: an item id such as "constructor" must not find Object.prototype's.
  return Object.hasOwn(set.answers, itemId) ? set.answers[itemId] : undefined;
}

/** Unsuppressed scores of one response set: for the consultant's own view of an interview and as
 * the input of scoreAssessment. Reports show scoreAssessment's results only. */
export function scoreResponseSet(guide: Guide, set: ResponseSet): ResponseSetScore {
  const index = indexGuide(guide);
  return {
    responseSetId: set.id,
    group: set.group,
    factors: guide.factors.map((factor) => scoreFactorInSet(index, factor.id, set)),
  };
}

export function scoreFactorInSet(index: GuideIndex, factorId: string, set: ResponseSet): FactorScore {
  const factorItems = index.itemsOf(factorId);
  const items: ItemScore[] = [];
  let weightSum = 0;
  for (const item of factorItems) {
    const scored = scoreItem(item, index.scaleOf(item), answerFor(set, item.id));
    if (!scored) continue;
    items.push(scored);
    weightSum += scored.weight;
  }
  const answeredItems = items.length;
  if (answeredItems === 0 || answeredItems * 2 < factorItems.length) {
    return { factorId, score: null, weight: 0, answeredItems, itemCount: factorItems.length, items };
  }
  // Each answered item counts once, whatever the number of people behind it.
  const score = weightedMean(items.map((item) => ({ value: item.score, weight: 1 })));
  // Whole people, and never more than were present: an over-counted tally must not lift a group
  // over the minimum group size.
  const weight = Math.max(0, Math.min(set.respondents, Math.round(weightSum / answeredItems)));
  return { factorId, score, weight, answeredItems, itemCount: factorItems.length, items };
}

/** Whether the set counts towards the factor's result for its group and the total. */
export function contributes(score: FactorScore): boolean {
  return score.score !== null && score.weight > 0;
}
