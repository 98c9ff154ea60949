// Creating an assessment, from the overview or from a client (which is then chosen already).
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiMutation, useApiQuery } from '../../lib/api/use-api';
import { consultantLine } from '../../../src-main/core/settings';
import { useSettings } from '../settings/settings-store';
import { AssessmentForm, assessmentFormValues, assessmentInput } from './AssessmentForm';

export function NewAssessmentScreen({ clientId }: { clientId?: string }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const notify = useNotices((s) => s.show);
  const minGroupSize = useSettings((s) => s.settings?.minGroupSize ?? 5);
  const profile = useSettings((s) => s.settings?.consultantProfile);
  const clients = useApiQuery('clients.list', {});
  const guides = useApiQuery('guides.list', {});
  const create = useApiMutation('assessments.create');

  const back = () => go(clientId ? { name: 'client', clientId } : { name: 'home' });
  const errorMessage = clients.errorMessage ?? guides.errorMessage;

  return (
    <section aria-labelledby="assessment-new-title">
      <div className="screen-header">
        <button type="button" className="link back" onClick={back}>
          ← {t('common.back')}
        </button>
        <h1 id="assessment-new-title">{t('assessments.newTitle')}</h1>
      </div>
      {errorMessage ? (
        <LoadError
          message={errorMessage}
          onRetry={() => {
            if (clients.error) void clients.reload();
            if (guides.error) void guides.reload();
          }}
        />
      ) : !clients.data || !guides.data ? (
        <Loading />
      ) : (
        <AssessmentForm
          initial={{ ...assessmentFormValues({ clientId: clientId ?? '', guide: guides.data.guides[0], minGroupSize }), consultant: profile ? consultantLine(profile) : '' }}
          clients={clients.data}
          guides={guides.data.guides}
          submitLabel={t('assessments.create')}
          onCancel={back}
          onSubmit={async (values) => {
            const created = await create.run(assessmentInput(values, { priorAssessmentId: null, followUpDate: null }));
            notify(t('assessments.created'));
            go({ name: 'assessment', assessmentId: created.id });
          }}
        />
      )}
    </section>
  );
}
