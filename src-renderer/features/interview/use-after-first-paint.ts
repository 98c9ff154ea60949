// Whether the screen has been painted once: parts the consultant does not need to act on the current
// question (the overview of every question, the notes) wait for it, so the question shows sooner.
import { startTransition, useEffect, useState } from 'react';

/** A hidden window may not run animation frames; its parts still come in within this time. */
const latestMs = 250;

export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // A frame callback runs just before that frame is painted; a task queued from it runs after.
    // As a transition React renders those parts in slices, so a keypress meanwhile is answered at once.
    const show = () => startTransition(() => setPainted(true));
    let afterPaint: number | undefined;
    const frame = requestAnimationFrame(() => {
      afterPaint = window.setTimeout(show, 0);
    });
    const latest = window.setTimeout(show, latestMs);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(afterPaint);
      window.clearTimeout(latest);
    };
  }, []);
  return painted;
}
