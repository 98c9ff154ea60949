// Running an interview: first who is present, then one question at a time, resumed where it was left.
import { useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/StatusViews';
import { useApiLoad } from '../../lib/api/use-api';
import { arrivedInterview, fetchInterview, useInterview } from './interview-store';
import { ParticipantsStep } from './ParticipantsStep';
import { QuestionScreen } from './QuestionScreen';

export function InterviewScreen({ interviewId }: { interviewId: string }) {
  const { t } = useTranslation();
  const loaded = useApiLoad(['interview', interviewId], (client) => fetchInterview(client, interviewId));
  // Data that arrived before the screen was shown (a deep link at start-up) is shown at once, not after
  // a frame of the loading state: the load then returns this very object.
  const [arrived] = useState(() => arrivedInterview(interviewId));
  const data = loaded.data ?? (loaded.error || arrived?.details.id !== interviewId ? undefined : arrived);
  const open = useInterview((s) => s.open);
  // Shown only once the store holds this very load: never another interview, nor an older load.
  const shown = useInterview((s) => data !== undefined && s.openedFrom === data);
  const started = useInterview((s) => s.interview !== null && s.interview.status !== 'planned');
  const [editingParticipants, setEditingParticipants] = useState(false);

  // Before the browser paints, so the screen never shows the store's older interview for a frame.
  useLayoutEffect(() => {
    if (data) open(data);
  }, [data, open]);

  if (loaded.error) return <LoadError message={`${t('interview.loadFailed')} ${loaded.errorMessage}`} onRetry={() => void loaded.reload()} />;
  if (!shown) return <Loading />;
  if (!started || editingParticipants) {
    return <ParticipantsStep starting={!started} onDone={() => setEditingParticipants(false)} />;
  }
  return <QuestionScreen onEditParticipants={() => setEditingParticipants(true)} />;
}
