// The current item with its scale and answer, as the answer controls need them.
import { totalParticipants } from '../../../src-main/core/assessments';
import { indexGuide } from '../../../src-main/core/guide-index';
import { useMemo } from 'react';
import { useInterview, type AnswerMode } from './interview-store';

export function useCurrentItem() {
  const guide = useInterview((s) => s.guide)!;
  const index = useInterview((s) => s.index);
  const interview = useInterview((s) => s.interview)!;
  const guideIndex = useMemo(() => indexGuide(guide), [guide]);
  const item = guide.items[index];
  const entry = useInterview((s) => s.answers[item.id]);
  const chosenMode = useInterview((s) => s.modes[item.id]);
  const defaultMode = useInterview((s) => s.defaultMode);
  const storedKind = entry?.answer.kind;
  const mode: AnswerMode = chosenMode ?? (storedKind === 'consensus' || storedKind === 'tally' ? storedKind : defaultMode);
  return {
    item,
    scale: guideIndex.scaleOf(item),
    entry,
    mode,
    present: totalParticipants(interview.participants),
    respondentLanguage: interview.respondentLanguage,
  };
}
