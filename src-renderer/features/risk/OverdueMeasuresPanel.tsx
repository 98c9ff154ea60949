// The home screen's panel of measures past their deadline and not done or dropped, in every
// assessment, each with the way to its action plan.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../src-main/core/dates';
import { useNavigation } from '../../app/navigation';
import { useApiQuery } from '../../lib/api/use-api';
import { formatDate } from '../../lib/dates';

export function OverdueMeasuresPanel() {
  const { t, i18n } = useTranslation();
  const go = useNavigation((s) => s.go);
  // "Today" is the consultant's own date, not the UTC one; the day the panel opened.
  const [today] = useState(() => localIsoDate(new Date()));
  const { data: overdue, errorMessage } = useApiQuery('measures.overdue', { today });

  return (
    <section aria-labelledby="overdue-title" className="overdue-panel">
      <h2 id="overdue-title">{t('risk.overdue.title')}</h2>
      {errorMessage ? <p className="error-text">{`${t('risk.overdue.loadFailed')} ${errorMessage}`}</p> : null}
      {overdue && overdue.length === 0 ? <p className="muted">{t('risk.overdue.none')}</p> : null}
      {overdue && overdue.length > 0 ? (
        <>
          <p>{t('risk.overdue.count', { count: overdue.length })}</p>
          <ul className="overdue-list">
            {overdue.map((measure) => (
              <li key={measure.id}>
                <span className="risk-overdue">{formatDate(measure.deadline!, i18n.language)}</span>{' '}
                <strong>{measure.title}</strong>{' '}
                <span className="muted">
                  {t('risk.overdue.where', { client: measure.clientName, assessment: measure.assessmentTitle })} ·{' '}
                  {t(`risk.measures.roles.${measure.responsibleRole}`)}
                </span>{' '}
                <button
                  type="button"
                  className="link"
                  aria-label={t('risk.overdue.openNamed', { title: measure.title })}
                  onClick={() => go({ name: 'actionPlan', assessmentId: measure.assessmentId })}
                >
                  {t('risk.overdue.open')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
