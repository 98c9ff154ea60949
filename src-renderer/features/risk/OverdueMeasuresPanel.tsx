// The home screen's panel of measures past their deadline and not done or dropped, in every
// assessment, each with the way to its action plan.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../src-main/core/dates';
import type { OverdueMeasure } from '../../../src-main/core/risk';
import { useNavigation } from '../../app/navigation';
import { api } from '../../lib/api/client';
import { formatDate } from '../../lib/dates';
import { errorText } from '../../lib/errors';

export function OverdueMeasuresPanel() {
  const { t, i18n } = useTranslation();
  const go = useNavigation((s) => s.go);
  const [overdue, setOverdue] = useState<OverdueMeasure[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    // "Today" is the consultant's own date, not the UTC one.
    api.call('measures.overdue', { today: localIsoDate(new Date()) }).then(setOverdue, setError);
  }, []);

  return (
    <section aria-labelledby="overdue-title" className="overdue-panel">
      <h2 id="overdue-title">{t('risk.overdue.title')}</h2>
      {error ? <p className="error-text">{`${t('risk.overdue.loadFailed')} ${errorText(t, error)}`}</p> : null}
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
