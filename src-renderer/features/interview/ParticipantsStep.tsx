// Before the first question (and whenever it changes): how many are present in each role, and whether an interpreter is used.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerModes, participantRoles, totalParticipants, type AnswerMode, type ParticipantCounts } from '../../../src-main/core/assessments';
import { useNavigation } from '../../app/navigation';
import { EditForm } from '../../components/EditForm';
import { Field } from '../../components/Field';
import { ApiError } from '../../lib/api/client';
import { useApiMutation } from '../../lib/api/use-api';
import { useInterview } from './interview-store';

type CountTexts = Record<keyof ParticipantCounts, string>;

export function ParticipantsStep({ starting, onDone }: { starting: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const go = useNavigation((s) => s.go);
  const interview = useInterview((s) => s.interview)!;
  const participantsRecorded = useInterview((s) => s.participantsRecorded);
  const answerModeSet = useInterview((s) => s.answerModeSet);
  // The store takes what these return: loading the interview again would drop the place and the
  // answers on screen that are still on their way.
  const updateInterview = useApiMutation('interviews.update', { invalidates: [] });
  const setAnswerMode = useApiMutation('interviews.setAnswerMode', { invalidates: [] });
  const [answerMode, setMode] = useState<AnswerMode>(useInterview.getState().defaultMode);
  const [counts, setCounts] = useState<CountTexts>(
    () => Object.fromEntries(participantRoles.map((role) => [role, String(interview.participants[role])])) as CountTexts,
  );
  const [interpreterUsed, setInterpreterUsed] = useState(interview.interpreterUsed);
  const parsed = Object.fromEntries(
    participantRoles.map((role) => [role, counts[role].trim() === '' ? 0 : Number(counts[role])]),
  ) as ParticipantCounts;
  const total = participantRoles.every((role) => Number.isInteger(parsed[role])) ? totalParticipants(parsed) : null;

  return (
    <section aria-labelledby="participants-title" className="participants-step">
      <div className="screen-header">
        <button type="button" className="link back" onClick={() => go({ name: 'assessment', assessmentId: interview.assessmentId })}>
          ← {t('interview.backToAssessment')}
        </button>
        <h1 id="participants-title">{t('interview.title', { group: interview.groupName })}</h1>
      </div>
      <h2>{t('interview.participantsTitle')}</h2>
      <p>{t('interview.participantsIntro')}</p>
      <EditForm
        submitLabel={starting ? t('interview.begin') : t('interview.saveParticipants')}
        onCancel={starting ? undefined : onDone}
        onSubmit={async () => {
          // Votes and consensus answers count those present: an interview of nobody has nothing to count.
          if (total === 0) {
            throw new ApiError({ code: 'invalid_input', message: t('interviewFinish.nobodyPresent'), issues: [{ path: 'participants.employee', message: t('interviewFinish.nobodyPresent') }] });
          }
          if (answerMode !== interview.answerMode) {
            await setAnswerMode.run({ id: interview.id, answerMode });
            answerModeSet(answerMode);
          }
          const updated = await updateInterview.run({
            id: interview.id,
            groupName: interview.groupName,
            kind: interview.kind,
            respondentLanguage: interview.respondentLanguage,
            languages: interview.languages,
            interpreterUsed,
            expectedParticipants: interview.expectedParticipants,
            participants: parsed,
            plannedAt: interview.plannedAt,
          });
          participantsRecorded(updated);
          onDone();
        }}
      >
        {(errors) => (
          <>
            <div className="field-row participant-counts">
              {participantRoles.map((role) => (
                <Field key={role} label={t(`interview.roles.${role}`)} error={errors[`participants.${role}`]}>
                  {(props) => (
                    <input
                      {...props}
                      className="number-input"
                      type="number"
                      min={0}
                      max={500}
                      step={1}
                      value={counts[role]}
                      onChange={(event) => setCounts({ ...counts, [role]: event.target.value })}
                    />
                  )}
                </Field>
              ))}
            </div>
            <p className="participants-total" aria-live="polite">
              {total === null ? '' : t('interview.presentTotal', { count: total })}
            </p>
            <label className="choice">
              <input type="checkbox" checked={interpreterUsed} onChange={(event) => setInterpreterUsed(event.target.checked)} />
              <span>{t('interview.interpreterUsed')}</span>
            </label>
            <fieldset className="answer-mode-choice" aria-describedby="answer-mode-hint">
              <legend>{t('interview.chooseAnswerMode')}</legend>
              {answerModes.map((mode) => (
                <label key={mode} className="choice">
                  <input type="radio" name="answer-mode" value={mode} checked={answerMode === mode} onChange={() => setMode(mode)} />
                  <span>{mode === 'consensus' ? t('interview.modeConsensus') : t('interview.modeTally')}</span>
                </label>
              ))}
              <p id="answer-mode-hint" className="field-hint">
                {t('interview.answerModeHint')}
              </p>
            </fieldset>
          </>
        )}
      </EditForm>
    </section>
  );
}
