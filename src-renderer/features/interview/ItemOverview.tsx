// Every question at a glance, by factor: answered, not applicable, skipped, flagged or not saved; any of them opens with one click.
import { useTranslation } from 'react-i18next';
import { totalVotes } from '../../../src-main/core/votes';
import { totalParticipants } from '../../../src-main/core/assessments';
import { localize } from '../../../src-main/core/localize';
import { itemState, tallyProblem, type ItemState } from './logic/interview-progress';
import { useInterview } from './interview-store';

const symbols: Record<ItemState, string> = { answered: '✓', notApplicable: '–', skipped: '○', open: '' };

export function ItemOverview() {
  const { t, i18n } = useTranslation();
  const guide = useInterview((s) => s.guide)!;
  const index = useInterview((s) => s.index);
  const furthest = useInterview((s) => s.furthest);
  const answers = useInterview((s) => s.answers);
  const itemErrors = useInterview((s) => s.itemErrors);
  const present = useInterview((s) => totalParticipants(s.interview!.participants));
  const goTo = useInterview((s) => s.goTo);
  // Each word once per render, not once per question: the overview is on screen at the first render.
  const stateWords: Record<ItemState, string> = {
    answered: t('interview.states.answered'),
    notApplicable: t('interview.states.notApplicable'),
    skipped: t('interview.states.skipped'),
    open: t('interview.states.open'),
  };
  const flaggedWord = t('interview.states.flagged');
  const unsavedWord = t('interview.states.unsaved');

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
                const state = itemState(entry?.answer, i, furthest);
                const unsaved =
                  itemErrors[item.id] !== undefined || (entry?.answer.kind === 'tally' && tallyProblem(entry.answer.votes, present) !== null);
                // An honest tally: fewer votes than people present shows as "4 av 6", never as complete.
                const votes = entry?.answer.kind === 'tally' ? totalVotes(entry.answer.votes) : null;
                const shortOf = votes !== null && votes > 0 && votes < present ? t('interview.votesShort', { votes, present }) : null;
                const states = [stateWords[state], shortOf, entry?.followUp ? flaggedWord : null, unsaved ? unsavedWord : null].filter(Boolean);
                return (
                  <li key={item.id}>
                    <button
                      type="button"
                      className={`overview-item state-${state}${entry?.followUp ? ' flagged' : ''}${unsaved ? ' unsaved' : ''}`}
                      aria-current={i === index ? 'step' : undefined}
                      aria-label={t('interview.overviewItem', { number: i + 1, state: states.join(', ') })}
                      onClick={() => goTo(i)}
                    >
                      {i + 1}
                      <span aria-hidden="true" className="overview-symbols">
                        {symbols[state]}
                        {entry?.followUp ? '⚑' : ''}
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
              })}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
