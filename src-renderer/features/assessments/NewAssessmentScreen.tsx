// Creating an assessment, from the overview or from a client (which is then chosen already).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { LoadError, Loading } from '../../components/StatusViews';
import { api } from '../../lib/api/client';
import { errorText } from '../../lib/errors';
import { consultantLine } from '../../../src-main/core/settings';
import { useSettings } from '../settings/settings-store';
import { AssessmentForm, assessmentFormValues, assessmentInput } from './AssessmentForm';
import { useAssessments } from './assessments-store';

export function NewAssessmentScreen({ clientId }: { clientId?: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const notify = useNotices((s) => s.show);
  const { clients, guides, guidesError, loadClients, loadGuides } = useAssessments();
  const minGroupSize = useSettings((s) => s.settings?.minGroupSize ?? 5);
  const profile = useSettings((s) => s.settings?.consultantProfile);
  const [clientsLoaded, setClientsLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    loadClients().then(
      () => setClientsLoaded(true),
      (error: unknown) => setLoadError(error),
    );
    loadGuides().catch(() => undefined);
  }, [loadClients, loadGuides]);

  const back = () => go(clientId ? { name: 'client', clientId } : { name: 'home' });
  const error = loadError ?? guidesError;

  return (
    <section aria-labelledby="assessment-new-title">
      <div className="screen-header">
        <button type="button" className="link back" onClick={back}>
          ← {t('common.back')}
        </button>
        <h1 id="assessment-new-title">{t('assessments.newTitle')}</h1>
      </div>
      {error ? (
        <LoadError
          message={errorText(t, error)}
          onRetry={() => {
            setLoadError(null);
            void loadClients().then(() => setClientsLoaded(true), setLoadError);
            void loadGuides(true).catch(() => undefined);
          }}
        />
      ) : !clientsLoaded || !guides ? (
        <Loading />
      ) : (
        <AssessmentForm
          initial={{ ...assessmentFormValues({ clientId: clientId ?? '', guide: guides[0], minGroupSize }), consultant: profile ? consultantLine(profile) : '' }}
          clients={clients}
          guides={guides}
          submitLabel={t('assessments.create')}
          onCancel={back}
          onSubmit={async (values) => {
            const created = await api.call('assessments.create', assessmentInput(values, { priorAssessmentId: null, followUpDate: null }));
            notify(t('assessments.created'));
            go({ name: 'assessment', assessmentId: created.id });
          }}
        />
      )}
    </section>
  );
}
