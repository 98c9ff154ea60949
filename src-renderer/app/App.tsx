// The app shell: skip link, main menu, the current screen, and the notice area.
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/StatusViews';
import type { Screen } from './address';
import { useNavigation } from './navigation';
import { useNotices } from './notices';
import { ScreenLoadBoundary, screens } from './screens';

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'home':
      return <screens.home.Component />;
    case 'assessmentNew':
      return <screens.assessmentNew.Component key={screen.clientId ?? ''} clientId={screen.clientId} />;
    case 'assessment':
      return <screens.assessment.Component key={screen.assessmentId} assessmentId={screen.assessmentId} />;
    case 'interview':
      return <screens.interview.Component key={screen.interviewId} interviewId={screen.interviewId} />;
    case 'clients':
      return <screens.clients.Component />;
    case 'clientNew':
      return <screens.clientNew.Component />;
    case 'client':
      return <screens.client.Component key={screen.clientId} clientId={screen.clientId} />;
    case 'settings':
      return <screens.settings.Component />;
    case 'transfer':
      return <screens.transfer.Component />;
    case 'guides':
      return <screens.guides.Component />;
    case 'guide':
      return <screens.guide.Component key={`${screen.guideId}@${screen.version}`} guideId={screen.guideId} version={screen.version} />;
    case 'results':
      return <screens.results.Component key={screen.assessmentId} assessmentId={screen.assessmentId} />;
    case 'risk':
      return <screens.risk.Component key={screen.assessmentId} assessmentId={screen.assessmentId} />;
    case 'actionPlan':
      return <screens.actionPlan.Component key={screen.assessmentId} assessmentId={screen.assessmentId} />;
    case 'revisions':
      return <screens.revisions.Component key={screen.assessmentId} assessmentId={screen.assessmentId} />;
    case 'reports':
      return <screens.reports.Component key={screen.assessmentId} assessmentId={screen.assessmentId} />;
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
        <ScreenLoadBoundary key={screen.name}>
          <Suspense fallback={<Loading />}>
            <CurrentScreen screen={screen} />
          </Suspense>
        </ScreenLoadBoundary>
      </main>
      <div className="notice" role="status" aria-live="polite">
        {notice}
      </div>
    </div>
  );
}
