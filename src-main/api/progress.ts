// How far a long API call has come, and how a caller stops it: shared by the runtime, its hosts and the UI.

/** The stages long calls report, in the words the UI translates (progress.steps.<step>). */
export type ProgressStep =
  | 'preparing'
  | 'rendering'
  | 'checking'
  | 'reading'
  | 'encrypting'
  | 'backup'
  | 'writing'
  | 'restoring'
  | 'unlocking'
  | 'loadingGuides';

export interface CallProgress {
  step: ProgressStep;
  /** Stages finished so far, out of total: the bar shows done / total. */
  done: number;
  total: number;
  /** Whether cancelling now still leaves nothing written. */
  cancellable: boolean;
}

/** What a caller may pass along with a call: where progress goes, and a signal that cancels it. */
export interface CallOptions {
  onProgress?: (progress: CallProgress) => void;
  signal?: AbortSignal;
}

export const progressSteps: readonly ProgressStep[] = [
  'preparing',
  'rendering',
  'checking',
  'reading',
  'encrypting',
  'backup',
  'writing',
  'restoring',
  'unlocking',
  'loadingGuides',
];

export function isCallProgress(value: unknown): value is CallProgress {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    progressSteps.includes(candidate.step as ProgressStep) &&
    Number.isInteger(candidate.done) &&
    Number.isInteger(candidate.total) &&
    (candidate.done as number) >= 0 &&
    (candidate.done as number) <= (candidate.total as number) &&
    typeof candidate.cancellable === 'boolean'
  );
}
