// Running an interview: first who is present, then one question at a time, resumed where it was left.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/StatusViews';
import { errorText } from '../../lib/errors';
import { useInterview } from './interview-store';
import { ParticipantsStep } from './ParticipantsStep';
import { QuestionScreen } from './QuestionScreen';

export function InterviewScreen({ interviewId }: { interviewId: string }) {
  const { t } = useTranslation();
  const status = useInterview((s) => s.status);
  const loadedId = useInterview((s) => s.interview?.id);
  const started = useInterview((s) => s.interview !== null && s.interview.status !== 'planned');
  const loadError = useInterview((s) => s.loadError);
  const load = useInterview((s) => s.load);
  const [editingParticipants, setEditingParticipants] = useState(false);

  useEffect(() => {
    void load(interviewId);
  }, [interviewId, load]);

  if (status === 'error') return <LoadError message={`${t('interview.loadFailed')} ${errorText(t, loadError)}`} onRetry={() => void load(interviewId)} />;
  if (status !== 'ready' || loadedId !== interviewId) return <Loading />;
  if (!started || editingParticipants) {
    return <ParticipantsStep starting={!started} onDone={() => setEditingParticipants(false)} />;
  }
  return <QuestionScreen onEditParticipants={() => setEditingParticipants(true)} />;
}
