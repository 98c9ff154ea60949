// The interview's header: the way back, the group, the save state, and the buttons for participants, help, respondent view and the finish check.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { totalParticipants } from '../../../src-main/core/assessments';
import { useNavigation } from '../../app/navigation';
import { useNotices } from '../../app/notices';
import { FinishCheckDialog } from './FinishCheckDialog';
import { useInterview } from './interview-store';
import { SaveStatus } from './SaveStatus';

export function InterviewHeader({ onEditParticipants }: { onEditParticipants(): void }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const notify = useNotices((s) => s.show);
  const interview = useInterview((s) => s.interview)!;
  const showHelp = useInterview((s) => s.showHelp);
  const finishCheckOpen = useInterview((s) => s.finishCheckOpen);
  const { toggleHelp, setRespondentOpen, finish, setFinishCheckOpen } = useInterview.getState();
  const [finishing, setFinishing] = useState(false);

  async function finishInterview() {
    setFinishing(true);
    await finish();
    setFinishing(false);
    notify(t('interview.finished'));
    // What is still unsaved was listed in the finish check, and finishing was confirmed with it.
    useNavigation.getState().setLeaveGuard(null);
    go({ name: 'assessment', assessmentId: interview.assessmentId });
  }

  return (
    <div className="interview-header">
      <div className="screen-header">
        <button type="button" className="link back" onClick={() => go({ name: 'assessment', assessmentId: interview.assessmentId })}>
          <span className="glyph">←</span> {t('interview.backToAssessment')}
        </button>
        <h1 id="interview-title">{t('interview.title', { group: interview.groupName })}</h1>
        <SaveStatus />
      </div>
      <div className="interview-toolbar">
        <button type="button" onClick={onEditParticipants}>
          {t('interview.editParticipants', { count: totalParticipants(interview.participants) })}
        </button>
        <button type="button" aria-expanded={showHelp} aria-controls="shortcut-help" onClick={toggleHelp}>
          {t('interview.help')}
        </button>
        <button type="button" onClick={() => setRespondentOpen(true)}>
          {t('interview.respondentView')}
        </button>
        <button type="button" aria-haspopup="dialog" aria-keyshortcuts="A" onClick={() => setFinishCheckOpen(true)}>
          {t('interviewFinish.open')}
        </button>
      </div>
      {finishCheckOpen ? <FinishCheckDialog finishing={finishing} onFinish={() => void finishInterview()} /> : null}
    </div>
  );
}
