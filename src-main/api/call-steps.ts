// Progress for a handler that runs in known steps: each step reports how many came before it.
import type { ApiContext } from './context';
import type { ProgressStep } from './progress';

export type StepReporter = (step: ProgressStep, options?: { cancellable?: boolean }) => void;

export function callSteps(context: Pick<ApiContext, 'progress'>, steps: readonly ProgressStep[]): StepReporter {
  return (step, { cancellable = false } = {}) => {
    const done = steps.indexOf(step);
    if (done < 0) throw new Error(`Step "${step}" is not one of this call's steps.`);
    context.progress({ step, done, total: steps.length, cancellable });
  };
}
