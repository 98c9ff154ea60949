// What changed between two revisions, section by section: the assessment, findings, measures,
// interviews, answers and factor scores, each change as before → after.
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../src-main/core/answers';
import type { Guide } from '../../../src-main/core/guide';
import { localize } from '../../../src-main/core/localize';
import { isUnchanged, type FactorScoreState, type FieldChange, type FieldValue, type RecordChanges, type RevisionComparison } from '../../../src-main/core/revisions';
import { formatScore } from '../../../src-main/core/score-format';
import { hasText } from '../../i18n/keys';
import { formatDate } from '../../lib/dates';
import { riskMessages } from './messages';
import { TrafficLightLabel } from '../results/TrafficLightLabel';

type Kind = 'assessment' | 'finding' | 'measure';

const texts = riskMessages.nb.risk;

interface ComparisonViewProps {
  comparison: RevisionComparison;
  guide: Guide;
  /** Finding titles by id, for measures that moved from one finding to another. */
  findingTitles: Map<string, string>;
}

export function ComparisonView({ comparison, guide, findingTitles }: ComparisonViewProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const factorTitle = (id: string) => {
    const factor = guide.factors.find((f) => f.id === id);
    return factor ? localize(factor.title, language) : id;
  };
  const itemText = (id: string) => {
    const item = guide.items.find((i) => i.id === id);
    return item ? localize(item.text, language) : id;
  };

  const roleName = (role: FieldValue) => (hasText(texts.measures.roles, role) ? t(`risk.measures.roles.${role}`) : String(role));
  const value = (kind: Kind, field: string, raw: FieldValue): string => {
    if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) return t('risk.comparison.empty');
    if (Array.isArray(raw)) return raw.map((entry) => (field === 'factorIds' ? factorTitle(entry) : roleName(entry))).join(', ');
    if (field === 'status' && kind === 'finding' && hasText(texts.findings.statuses, raw)) return t(`risk.findings.statuses.${raw}`);
    if (field === 'status' && kind === 'measure' && hasText(texts.measures.statuses, raw)) return t(`risk.measures.statuses.${raw}`);
    if (field === 'level' && hasText(texts.level, raw)) return t(`risk.level.${raw}`);
    if (field === 'priority' && hasText(texts.measures.priorities, raw)) return t(`risk.measures.priorities.${raw}`);
    if (field === 'responsibleRole') return roleName(raw);
    if (field === 'findingId') return findingTitles.get(String(raw)) ?? String(raw);
    if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return formatDate(raw, language);
    return String(raw);
  };

  const changesTable = (kind: Kind, changes: FieldChange[], caption: string) => (
    <table className="data-table comparison-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('risk.comparison.field')}</th>
          <th scope="col">{t('risk.comparison.before')}</th>
          <th scope="col">{t('risk.comparison.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field}>
            <th scope="row">{hasText(texts.comparison.fields, change.field) ? t(`risk.comparison.fields.${change.field}`) : change.field}</th>
            <td className="comparison-before">{value(kind, change.field, change.before)}</td>
            <td className="comparison-after">{value(kind, change.field, change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const records = (kind: Kind, changes: RecordChanges) => (
    <ul className="comparison-list">
      {changes.added.map((record) => (
        <li key={`added-${record.id}`} className="comparison-added">
          {t('risk.comparison.added', { title: record.title })}
        </li>
      ))}
      {changes.removed.map((record) => (
        <li key={`removed-${record.id}`} className="comparison-removed">
          {t('risk.comparison.removed', { title: record.title })}
        </li>
      ))}
      {changes.changed.map((record) => (
        <li key={`changed-${record.id}`} className="comparison-changed">
          {t('risk.comparison.changed', { title: record.title })}
          {changesTable(kind, record.changes, t('risk.comparison.changed', { title: record.title }))}
        </li>
      ))}
    </ul>
  );

  const answer = (given: Answer | null) => {
    if (!given) return t('risk.comparison.noAnswer');
    switch (given.kind) {
      case 'notApplicable':
        return t('risk.comparison.notApplicable');
      case 'consensus':
        return t('risk.comparison.consensus', { value: given.value, participants: given.participants });
      case 'tally':
        return t('risk.comparison.tally', {
          votes: Object.entries(given.votes)
            .filter(([, count]) => count > 0)
            .map(([scaleValue, count]) => `${scaleValue}: ${count}`)
            .join(', '),
        });
    }
  };

  const score = (state: FactorScoreState) => {
    if (state.kind === 'withheld') return t('risk.comparison.withheld');
    if (state.kind === 'absent') return t('risk.comparison.absent');
    return (
      <>
        {t('risk.comparison.score', { score: formatScore(state.score, { locale: language }), n: state.n })}{' '}
        {state.light ? <TrafficLightLabel light={state.light} /> : null}
      </>
    );
  };

  const hasRecords = (changes: RecordChanges) => changes.added.length + changes.removed.length + changes.changed.length > 0;
  const { assessment, findings, measures, interviews, answers, factorScores } = comparison;

  return (
    <section aria-labelledby="comparison-title" className="comparison">
      <h2 id="comparison-title">{t('risk.comparison.title', { a: comparison.a.number, b: comparison.b.number })}</h2>
      {isUnchanged(comparison) ? <p className="empty">{t('risk.comparison.nothing')}</p> : null}
      {assessment.length ? (
        <>
          <h3>{t('risk.comparison.assessment')}</h3>
          {changesTable('assessment', assessment, t('risk.comparison.assessment'))}
        </>
      ) : null}
      {hasRecords(findings) ? (
        <>
          <h3>{t('risk.comparison.findings')}</h3>
          {records('finding', findings)}
        </>
      ) : null}
      {hasRecords(measures) ? (
        <>
          <h3>{t('risk.comparison.measures')}</h3>
          {records('measure', measures)}
        </>
      ) : null}
      {interviews.added.length + interviews.removed.length ? (
        <>
          <h3>{t('risk.comparison.interviews')}</h3>
          {records('assessment', { ...interviews, changed: [] })}
        </>
      ) : null}
      {answers.length ? (
        <>
          <h3>{t('risk.comparison.answers')}</h3>
          <p>{t('risk.comparison.answerCount', { count: answers.length })}</p>
          <table className="data-table comparison-table">
            <caption className="visually-hidden">{t('risk.comparison.answers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk.comparison.group')}</th>
                <th scope="col">{t('risk.comparison.item')}</th>
                <th scope="col">{t('risk.comparison.before')}</th>
                <th scope="col">{t('risk.comparison.after')}</th>
              </tr>
            </thead>
            <tbody>
              {answers.map((change) => (
                <tr key={`${change.interviewId}-${change.itemId}`}>
                  <td>{change.groupName}</td>
                  <th scope="row">{itemText(change.itemId)}</th>
                  <td className="comparison-before">{answer(change.before)}</td>
                  <td className="comparison-after">{answer(change.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {factorScores.length ? (
        <>
          <h3>{t('risk.comparison.factorScores')}</h3>
          <table className="data-table comparison-table">
            <caption className="visually-hidden">{t('risk.comparison.factorScores')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk.comparison.factor')}</th>
                <th scope="col">{t('risk.comparison.before')}</th>
                <th scope="col">{t('risk.comparison.after')}</th>
              </tr>
            </thead>
            <tbody>
              {factorScores.map((change) => (
                <tr key={change.factorId}>
                  <th scope="row">{factorTitle(change.factorId)}</th>
                  <td className="comparison-before">{score(change.before)}</td>
                  <td className="comparison-after">{score(change.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
