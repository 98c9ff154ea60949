// Every screen as its own chunk, loaded when it is first shown (or earlier, by preloadScreen), so
// the first screen never waits for the code of all the others (charts, imports, reports).
import { Component, use, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../components/StatusViews';
import { api } from '../lib/api/client';
import { errorText } from '../lib/errors';
import { requestInterviewEarly } from '../features/interview/interview-requests';
import type { Screen } from './address';

interface LazyScreen<P> {
  Component: ComponentType<P>;
  /** Starts loading the screen's code; the same promise every time. */
  preload(): Promise<unknown>;
}

/** Not React.lazy: a lazy component suspends on its first render even when its code is already
 * there, and React then holds the screen back behind the fallback for a while. This one renders at
 * once when the code has loaded (app/start.tsx loads the first screen's before the first render) and
 * suspends only while it is still loading. */
function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // The next render (the error view's "try again", or coming back) tries once more.
        loading = null;
        throw error;
      },
    ));
  function Component(props: P) {
    const Screen = loaded ?? use(preload());
    // The same module's export on every render, so React keeps the screen's state.
    // eslint-disable-next-line react-hooks/static-components
    return <Screen {...props} />;
  }
  return { Component, preload };
}

export const screens = {
  home: lazyScreen(() => import('../features/assessments/HomeScreen').then((m) => m.HomeScreen)),
  assessmentNew: lazyScreen(() => import('../features/assessments/NewAssessmentScreen').then((m) => m.NewAssessmentScreen)),
  assessment: lazyScreen(() => import('../features/assessments/AssessmentScreen').then((m) => m.AssessmentScreen)),
  interview: lazyScreen(() => import('../features/interview/InterviewScreen').then((m) => m.InterviewScreen)),
  clients: lazyScreen(() => import('../features/clients/ClientsScreen').then((m) => m.ClientsScreen)),
  clientNew: lazyScreen(() => import('../features/clients/NewClientScreen').then((m) => m.NewClientScreen)),
  client: lazyScreen(() => import('../features/clients/ClientScreen').then((m) => m.ClientScreen)),
  settings: lazyScreen(() => import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen)),
  transfer: lazyScreen(() => import('../features/transfer/TransferScreen').then((m) => m.TransferScreen)),
  guides: lazyScreen(() => import('../features/guides/GuidesScreen').then((m) => m.GuidesScreen)),
  guide: lazyScreen(() => import('../features/guides/GuideScreen').then((m) => m.GuideScreen)),
  results: lazyScreen(() => import('../features/results/ResultsScreen').then((m) => m.ResultsScreen)),
  risk: lazyScreen(() => import('../features/risk/RiskScreen').then((m) => m.RiskScreen)),
  actionPlan: lazyScreen(() => import('../features/risk/ActionPlanScreen').then((m) => m.ActionPlanScreen)),
  revisions: lazyScreen(() => import('../features/risk/RevisionsScreen').then((m) => m.RevisionsScreen)),
  reports: lazyScreen(() => import('../features/reports/ReportsScreen').then((m) => m.ReportsScreen)),
} satisfies Record<Screen['name'], { preload(): Promise<unknown> }>;

/** Loads a screen's code before it is shown, e.g. the first screen while the settings load; resolves
 * either way (a chunk that failed to load fails again, visibly, when the screen renders). An
 * interview's data is asked for at once too, instead of after the first render. */
export function preloadScreen(screen: Screen): Promise<void> {
  if (screen.name === 'interview') {
    requestInterviewEarly(api, screen.interviewId);
  }
  return screens[screen.name].preload().then(
    () => undefined,
    () => undefined,
  );
}

function ScreenLoadError({ onRetry }: { onRetry(): void }) {
  const { t } = useTranslation();
  return <LoadError message={errorText(t, null)} onRetry={onRetry} />;
}

/** A screen whose code could not be loaded (a damaged install) shows an error with "try again"
 * instead of taking the whole window down. */
export class ScreenLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <ScreenLoadError onRetry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}
