// The planner in the assessment form: the guide's optional modules to ask besides its core set, and
// the estimated length of a group session with the chosen set, updated as the choice changes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentMethod } from '../../../src-main/core/assessments';
import type { Guide } from '../../../src-main/core/guide';
import { localize } from '../../../src-main/core/localize';
import { plannedGuide } from '../../../src-main/core/guide-modules';
import { adviseSession, sessionLimitMinutes, type AnswerMode, type SessionAdvice } from '../../../src-main/core/interview-duration';
import { useApiQuery } from '../../lib/api/use-api';

function useGuide(id: string, version: string): Guide | null {
  return useApiQuery('guides.get', id && version ? { id, version } : null).data ?? null;
}

interface ModulePlannerProps {
  guideId: string;
  guideVersion: string;
  method: AssessmentMethod;
  modules: string[];
  error?: string;
  onChange(modules: string[]): void;
}

export function ModulePlanner({ guideId, guideVersion, method, modules, error, onChange }: ModulePlannerProps) {
  const { t, i18n } = useTranslation();
  const guide = useGuide(guideId, guideVersion);
  // A group interview usually votes by show of hands; individuals give one answer.
  const [mode, setMode] = useState<AnswerMode>(method === 'individual' ? 'consensus' : 'tally');
  const [interpreter, setInterpreter] = useState(true);
  if (!guide) return null;

  const guideModules = guide.modules ?? [];
  const asked = plannedGuide(guide, modules).items.length;
  const advice = adviseSession(guide, modules, mode, interpreter);
  const moduleTitle = (id: string) => localize(guideModules.find((module) => module.id === id)?.title ?? { nb: id, en: id }, i18n.language);
  const moduleItemCount = (id: string) => guide.items.filter((item) => item.module === id).length;

  return (
    <section className="module-planner" aria-labelledby="module-planner-title">
      <h3 id="module-planner-title">{t('planner.title')}</h3>
      {guideModules.length ? (
        <fieldset className="choice-group module-choices">
          <legend>{t('planner.modules')}</legend>
          <p className="field-hint">{t('planner.coreItems', { count: guide.items.filter((item) => item.module === undefined).length })}</p>
          {guideModules.map((module) => (
            <label key={module.id} className="choice">
              <input
                type="checkbox"
                checked={modules.includes(module.id)}
                onChange={(event) => onChange(event.target.checked ? [...modules, module.id] : modules.filter((id) => id !== module.id))}
              />
              <span>
                {localize(module.title, i18n.language)} <span className="muted">({t('planner.moduleItems', { count: moduleItemCount(module.id) })})</span>
                {module.description ? <span className="module-description muted">{localize(module.description, i18n.language)}</span> : null}
              </span>
            </label>
          ))}
          {error ? <p className="field-error">{error}</p> : null}
        </fieldset>
      ) : (
        <p className="field-hint">{t('planner.noModules')}</p>
      )}
      <div className="field-row planner-assumptions">
        <label className="choice">
          <span>{t('planner.answerMode')}</span>
          <select value={mode} onChange={(event) => setMode(event.target.value as AnswerMode)}>
            <option value="tally">{t('planner.mode.tally')}</option>
            <option value="consensus">{t('planner.mode.consensus')}</option>
          </select>
        </label>
        <label className="choice">
          <input type="checkbox" checked={interpreter} onChange={(event) => setInterpreter(event.target.checked)} />
          <span>{t('planner.interpreter')}</span>
        </label>
      </div>
      {mode === 'consensus' ? <p className="field-hint">{t('planner.consensusUnmeasured')}</p> : null}
      <p className="planner-estimate" data-testid="planner-estimate" aria-live="polite">
        {t('planner.estimate', { count: asked, minutes: advice.minutes })}
      </p>
      {advice.overLimit ? <OverLimitAdvice advice={advice} interpreter={interpreter} moduleTitle={moduleTitle} /> : null}
    </section>
  );
}

/** When the chosen set is longer than one session: what would bring it under the limit. */
function OverLimitAdvice({ advice, interpreter, moduleTitle }: { advice: SessionAdvice; interpreter: boolean; moduleTitle(id: string): string }) {
  const { t } = useTranslation();
  const limit = sessionLimitMinutes;
  const votesFit = advice.withVotesMinutes !== undefined && advice.withVotesMinutes < advice.minutes;
  return (
    <div className="planner-long" role="status" data-testid="planner-over-limit">
      <p>{t('planner.overLimit', { limit })}</p>
      <ul>
        {votesFit ? <li>{t('planner.useVotes', { minutes: advice.withVotesMinutes })}</li> : null}
        {advice.dropToFit === undefined ? (
          <li>
            {t('planner.coreTooLong', { minutes: advice.coreMinutes })}
            {interpreter ? ` ${t('planner.recommendVotes')}` : null}
          </li>
        ) : advice.dropToFit.length ? (
          <li>
            {t('planner.dropToFit', { modules: advice.dropToFit.map((id) => `«${moduleTitle(id)}»`).join(', '), limit })}
            <ul>
              {advice.withoutModule.map(({ id, minutes }) => (
                <li key={id}>{t('planner.withoutModule', { module: moduleTitle(id), minutes })}</li>
              ))}
            </ul>
          </li>
        ) : null}
        <li>{t('planner.twoSessions')}</li>
      </ul>
    </div>
  );
}
