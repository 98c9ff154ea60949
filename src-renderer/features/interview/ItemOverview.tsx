// Every question at a glance, by factor: answered, not applicable, skipped, flagged or not saved; any of them opens with one click.
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { totalVotes } from '../../../src-main/core/votes';
import { totalParticipants } from '../../../src-main/core/assessments';
import { localize } from '../../../src-main/core/localize';
import { itemState, tallyProblem, type ItemState } from './logic/interview-progress';
import { useInterview } from './interview-store';

const symbols: Record<ItemState, string> = { answered: '✓', notApplicable: '–', skipped: '○', open: '' };

interface StateWords {
  states: Record<ItemState, string>;
  flagged: string;
  unsaved: string;
}

interface OverviewItemProps {
  index: number;
  state: ItemState;
  flagged: boolean;
  unsaved: boolean;
  /** "4 av 6" for a tally with fewer votes than people present. */
  shortOf: string | null;
  current: boolean;
  words: StateWords;
  t: TFunction;
  goTo(index: number): void;
}

/** One question's button; drawn again only when something it shows changes, so moving on redraws two, not all. */
const OverviewItem = memo(function OverviewItem({ index, state, flagged, unsaved, shortOf, current, words, t, goTo }: OverviewItemProps) {
  const states = [words.states[state], shortOf, flagged ? words.flagged : null, unsaved ? words.unsaved : null].filter(Boolean);
  return (
    <li>
      <button
        type="button"
        className={`overview-item state-${state}${flagged ? ' flagged' : ''}${unsaved ? ' unsaved' : ''}`}
        aria-current={current ? 'step' : undefined}
        aria-label={t('interview.overviewItem', { number: index + 1, state: states.join(', ') })}
        onClick={() => goTo(index)}
      >
        {index + 1}
        <span aria-hidden="true" className="overview-symbols">
          {symbols[state]}
          {flagged ? '⚑' : ''}
          {unsaved ? '!' : ''}
        </span>
        {shortOf ? (
          <span aria-hidden="true" className="overview-votes" data-testid="overview-votes">
            {shortOf}
          </span>
        ) : null}
      </button>
    </li>
  );
});

export function ItemOverview() {
  const { t, i18n } = useTranslation();
  const guide = useInterview((s) => s.guide)!;
  const index = useInterview((s) => s.index);
  const furthest = useInterview((s) => s.furthest);
  const answers = useInterview((s) => s.answers);
  const itemErrors = useInterview((s) => s.itemErrors);
  const present = useInterview((s) => totalParticipants(s.interview!.participants));
  const goTo = useInterview((s) => s.goTo);
  // Each word once per language, not once per question.
  const words = useMemo<StateWords>(
    () => ({
      states: {
        answered: t('interview.states.answered'),
        notApplicable: t('interview.states.notApplicable'),
        skipped: t('interview.states.skipped'),
        open: t('interview.states.open'),
      },
      flagged: t('interview.states.flagged'),
      unsaved: t('interview.states.unsaved'),
    }),
    [t],
  );

  return (
    <nav className="item-overview" aria-labelledby="item-overview-title">
      <h2 id="item-overview-title">{t('interview.overview')}</h2>
      <p className="muted overview-legend">{t('interview.legend')}</p>
      <ol className="overview-factors">
        {guide.factors.map((factor) => (
          <li key={factor.id} className="overview-factor">
            <span className="overview-factor-title">{localize(factor.title, i18n.language)}</span>
            <ol className="overview-items">
              {guide.items.map((item, i) => {
                if (item.factor !== factor.id) return null;
                const entry = answers[item.id];
                const unsaved =
                  itemErrors[item.id] !== undefined || (entry?.answer.kind === 'tally' && tallyProblem(entry.answer.votes, present) !== null);
                // An honest tally: fewer votes than people present shows as "4 av 6", never as complete.
                const votes = entry?.answer.kind === 'tally' ? totalVotes(entry.answer.votes) : null;
                const shortOf = votes !== null && votes > 0 && votes < present ? t('interview.votesShort', { votes, present }) : null;
                return (
                  <OverviewItem
                    key={item.id}
                    index={i}
                    state={itemState(entry?.answer, i, furthest)}
                    flagged={entry?.followUp ?? false}
                    unsaved={unsaved}
                    shortOf={shortOf}
                    current={i === index}
                    words={words}
                    t={t}
                    goTo={goTo}
                  />
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
