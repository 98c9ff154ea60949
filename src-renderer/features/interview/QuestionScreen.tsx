// The interview's working view: header, the current question and its answer, prompts, notes, and all questions at a glance.
// The question, its answer and the way on are painted first; the prompts, the notes and the overview of
// every question follow right after that first paint (they hold most of the screen's elements and
// text styles, and laying them out doubled the time to the question).
import { AnswerPanel } from './AnswerPanel';
import { BallotView } from './BallotView';
import { FactorNotes } from './FactorNotes';
import { FollowUpPrompts } from './FollowUpPrompts';
import { InterviewHeader } from './InterviewHeader';
import { useInterview } from './interview-store';
import { ItemOverview } from './ItemOverview';
import { LeaveDialog } from './LeaveDialog';
import { QuestionNavigation } from './QuestionNavigation';
import { QuestionText } from './QuestionText';
import { RespondentView } from './RespondentView';
import { ShortcutHelp } from './ShortcutHelp';
import { useAfterFirstPaint } from './use-after-first-paint';
import { useInterviewShortcuts } from './use-interview-shortcuts';
import { useLeaveGuard } from './use-leave-guard';

export function QuestionScreen({ onEditParticipants }: { onEditParticipants(): void }) {
  const respondentOpen = useInterview((s) => s.respondentOpen);
  const showHelp = useInterview((s) => s.showHelp);
  const ballotOpen = useInterview((s) => s.privateRound !== null);
  useInterviewShortcuts();
  useLeaveGuard();
  const painted = useAfterFirstPaint();
  // N pressed before the notes are there: they come at once, so the keys typed next go into the note.
  const notePending = useInterview((s) => s.noteFocusPending);

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
        {/* The side column is there from the start, so the question's column never changes width. */}
        <div className="interview-side">
          {painted || notePending ? (
            <>
              <FollowUpPrompts />
              <FactorNotes />
            </>
          ) : null}
        </div>
      </div>
      {painted ? <ItemOverview /> : null}
      {respondentOpen ? <RespondentView /> : null}
      {ballotOpen ? <BallotView /> : null}
      <LeaveDialog />
    </div>
  );
}
