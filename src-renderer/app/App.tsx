// The app shell: skip link, main menu, the current screen, and the notice area.
import { useTranslation } from 'react-i18next';
import { AssessmentScreen } from '../features/assessments/AssessmentScreen';
import { HomeScreen } from '../features/assessments/HomeScreen';
import { NewAssessmentScreen } from '../features/assessments/NewAssessmentScreen';
import { InterviewScreen } from '../features/interview/InterviewScreen';
import { ClientScreen } from '../features/clients/ClientScreen';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { NewClientScreen } from '../features/clients/NewClientScreen';
import { GuideScreen } from '../features/guides/GuideScreen';
import { GuidesScreen } from '../features/guides/GuidesScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { ResultsScreen } from '../features/results/ResultsScreen';
import { ActionPlanScreen } from '../features/risk/ActionPlanScreen';
import { RevisionsScreen } from '../features/risk/RevisionsScreen';
import { RiskScreen } from '../features/risk/RiskScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { TransferScreen } from '../features/transfer/TransferScreen';
import { useNavigation, type Screen } from './navigation';
import { useNotices } from './notices';

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'home':
      return <HomeScreen />;
    case 'assessmentNew':
      return <NewAssessmentScreen key={screen.clientId ?? ''} clientId={screen.clientId} />;
    case 'assessment':
      return <AssessmentScreen key={screen.assessmentId} assessmentId={screen.assessmentId} />;
    case 'interview':
      return <InterviewScreen key={screen.interviewId} interviewId={screen.interviewId} />;
    case 'clients':
      return <ClientsScreen />;
    case 'clientNew':
      return <NewClientScreen />;
    case 'client':
      return <ClientScreen key={screen.clientId} clientId={screen.clientId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'transfer':
      return <TransferScreen />;
    case 'guides':
      return <GuidesScreen />;
    case 'guide':
      return <GuideScreen key={`${screen.guideId}@${screen.version}`} guideId={screen.guideId} version={screen.version} />;
    case 'results':
      return <ResultsScreen key={screen.assessmentId} assessmentId={screen.assessmentId} />;
    case 'risk':
      return <RiskScreen key={screen.assessmentId} assessmentId={screen.assessmentId} />;
    case 'actionPlan':
      return <ActionPlanScreen key={screen.assessmentId} assessmentId={screen.assessmentId} />;
    case 'revisions':
      return <RevisionsScreen key={screen.assessmentId} assessmentId={screen.assessmentId} />;
    case 'reports':
      return <ReportsScreen key={screen.assessmentId} assessmentId={screen.assessmentId} />;
  }
}

const menu: { screen: Screen; label: 'assessments.menu' | 'nav.clients' | 'nav.settings' | 'guides.menu' | 'transfer.menu'; area: Screen['name'][] }[] = [
  { screen: { name: 'home' }, label: 'assessments.menu', area: ['home', 'assessmentNew', 'assessment', 'interview', 'results', 'risk', 'actionPlan', 'revisions', 'reports'] },
  { screen: { name: 'clients' }, label: 'nav.clients', area: ['clients', 'clientNew', 'client'] },
  { screen: { name: 'guides' }, label: 'guides.menu', area: ['guides', 'guide'] },
  { screen: { name: 'transfer' }, label: 'transfer.menu', area: ['transfer'] },
  { screen: { name: 'settings' }, label: 'nav.settings', area: ['settings'] },
];

export function App() {
  const { t } = useTranslation();
  const { screen, go } = useNavigation();
  const notice = useNotices((s) => s.message);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('app.mainNavigation')}>
          <ul>
            {menu.map((entry) => (
              <li key={entry.label}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={entry.area.includes(screen.name) ? 'page' : undefined}
                  onClick={() => go(entry.screen)}
                >
                  {t(entry.label)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <CurrentScreen screen={screen} />
      </main>
      <div className="notice" role="status" aria-live="polite">
        {notice}
      </div>
    </div>
  );
}
