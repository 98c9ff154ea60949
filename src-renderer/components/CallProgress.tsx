// A progress bar for each long call of the given methods that runs now, with Cancel while cancelling
// still leaves nothing written.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../src-main/api/contract';
import { runningCalls, subscribeToRunningCalls } from '../lib/api/running-calls';

export function CallProgress({ methods }: { methods: readonly MethodName[] }) {
  const { t } = useTranslation();
  const calls = useSyncExternalStore(subscribeToRunningCalls, runningCalls).filter((call) => (methods as readonly string[]).includes(call.method));
  if (calls.length === 0) return null;
  return (
    <div className="call-progress-list">
      {calls.map((call) => {
        const step = call.progress?.step ?? 'preparing';
        const label = t(`callProgress.steps.${step}`);
        return (
          <div key={call.id} className="call-progress" role="status" aria-live="polite">
            <label>
              <span>
                {label} {call.progress ? t('callProgress.stepOf', { step: call.progress.done + 1, total: call.progress.total }) : ''}
              </span>
              {/* Without a step reported yet the bar is indeterminate. */}
              <progress max={call.progress?.total ?? undefined} value={call.progress?.done ?? undefined} aria-label={label} />
            </label>
            {call.progress?.cancellable ? (
              <button type="button" className="secondary" onClick={call.cancel}>
                {t('callProgress.cancel')}
              </button>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
