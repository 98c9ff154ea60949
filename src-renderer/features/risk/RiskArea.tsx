// The frame of the risk screens: loads the assessment's risk data, and shows the heading, the way
// back to the assessment and the links between risk assessment, action plan and revisions.
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { LoadError, Loading } from '../../components/StatusViews';
import { errorText } from '../../lib/errors';
import { registerRiskStore, useRisk } from './risk-store';

export type RiskTab = 'risk' | 'actionPlan' | 'revisions';
const tabs: RiskTab[] = ['risk', 'actionPlan', 'revisions'];

interface RiskAreaProps {
  assessmentId: string;
  tab: RiskTab;
  children: ReactNode;
}

export function RiskArea({ assessmentId, tab, children }: RiskAreaProps) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const { status, error, assessment, load } = useRisk();

  useEffect(() => {
    void load(assessmentId);
  }, [assessmentId, load]);
  useEffect(() => registerRiskStore(), []);

  if (status === 'error') return <LoadError message={`${t('risk.loadFailed')} ${errorText(t, error)}`} onRetry={() => void load(assessmentId)} />;
  if (status === 'loading' || !assessment || assessment.id !== assessmentId) return <Loading />;

  return (
    <section aria-labelledby="risk-area-title" className="risk-area">
      <div className="screen-header">
        <button type="button" className="link back" onClick={() => go({ name: 'assessment', assessmentId })}>
          ← {t('risk.backToAssessment')}
        </button>
        <h1 id="risk-area-title">{t(`risk.tabs.${tab}`)}</h1>
      </div>
      <p className="risk-context">
        <strong>{assessment.title}</strong>
        <span className="muted">
          {' · '}
          {assessment.clientName}
          {assessment.unitName ? ` · ${assessment.unitName}` : ''}
          {' · '}
        </span>
        <span className="revision-note">
          {assessment.status === 'issued'
            ? t('risk.issuedNote', { revision: assessment.revision, next: assessment.revision + 1 })
            : t('risk.revisionNote', { revision: assessment.revision })}
        </span>
      </p>
      <nav aria-label={t('risk.areaLabel')} className="risk-tabs">
        <ul>
          {tabs.map((name) => (
            <li key={name}>
              <button type="button" aria-current={name === tab ? 'page' : undefined} onClick={() => go({ name, assessmentId })}>
                {t(`risk.tabs.${name}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </section>
  );
}

/** The small row of links on the assessment screen into the risk screens. */
export function RiskLinks({ assessmentId }: { assessmentId: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  return (
    <nav aria-label={t('risk.links')} className="risk-links">
      <ul>
        {tabs.map((name) => (
          <li key={name}>
            <button type="button" onClick={() => go({ name, assessmentId })}>
              {t(`risk.tabs.${name}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
