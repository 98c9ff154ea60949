// The interview's working view: header, the current question and its answer, prompts, notes, and all questions at a glance.
import { AnswerPanel } from './AnswerPanel';
import { BallotView } from './BallotView';
import { FactorNotes } from './FactorNotes';
import { FollowUpPrompts } from './FollowUpPrompts';
import { InterviewHeader } from './InterviewHeader';
import { useInterview } from './interview-store';
import { ItemOverview } from './ItemOverview';
import { QuestionNavigation } from './QuestionNavigation';
import { QuestionText } from './QuestionText';
import { RespondentView } from './RespondentView';
import { ShortcutHelp } from './ShortcutHelp';
import { useInterviewShortcuts } from './use-interview-shortcuts';

export function QuestionScreen({ onEditParticipants }: { onEditParticipants(): void }) {
  const respondentOpen = useInterview((s) => s.respondentOpen);
  const showHelp = useInterview((s) => s.showHelp);
  const ballotOpen = useInterview((s) => s.privateRound !== null);
  useInterviewShortcuts();

  return (
    <div className="interview">
      <InterviewHeader onEditParticipants={onEditParticipants} />
      {showHelp ? <ShortcutHelp /> : null}
      <div className="interview-body">
        <div className="interview-main">
          <QuestionText />
          <AnswerPanel />
          <QuestionNavigation />
        </div>
        <div className="interview-side">
          <FollowUpPrompts />
          <FactorNotes />
        </div>
      </div>
      <ItemOverview />
      {respondentOpen ? <RespondentView /> : null}
      {ballotOpen ? <BallotView /> : null}
    </div>
  );
}
