// The interview's keyboard shortcuts: which key does what, and the list the help panel shows.

export type ShortcutAction =
  | { kind: 'choose'; value: number }
  | { kind: 'removeVote'; value: number }
  | { kind: 'notApplicable' }
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'focusNote' }
  | { kind: 'toggleFollowUp' }
  | { kind: 'togglePrompts' }
  | { kind: 'toggleMode' }
  | { kind: 'respondentView' }
  | { kind: 'finishCheck' }
  | { kind: 'closeHelp' }
  | { kind: 'help' };

export interface KeyPress {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const letters: Record<string, ShortcutAction> = {
  n: { kind: 'focusNote' },
  f: { kind: 'toggleFollowUp' },
  p: { kind: 'togglePrompts' },
  t: { kind: 'toggleMode' },
  r: { kind: 'respondentView' },
  a: { kind: 'finishCheck' },
};

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  // Ctrl, Alt and Cmd combinations belong to the browser and the system.
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  // The physical key, since Shift+1 types "!" (or "+" on some layouts).
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(press.code);
  if (digit) {
    const value = Number(digit[1]);
    if (value === 0) return press.shiftKey ? null : { kind: 'notApplicable' };
    return press.shiftKey ? { kind: 'removeVote', value } : { kind: 'choose', value };
  }
  switch (press.key) {
    case 'ArrowRight':
    case 'PageDown':
      return { kind: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { kind: 'previous' };
    case '?':
      return { kind: 'help' };
    case 'Escape':
      return { kind: 'closeHelp' };
  }
  return letters[press.key.toLowerCase()] ?? null;
}

/** For the help panel: the keys, and the message that says what they do. */
export const shortcutList = [
  { keys: ['1', '…', '5'], message: 'choose' },
  { keys: ['Shift', '1', '…', '5'], message: 'removeVote' },
  { keys: ['0'], message: 'notApplicable' },
  { keys: ['→', 'PgDn'], message: 'next' },
  { keys: ['←', 'PgUp'], message: 'previous' },
  { keys: ['N'], message: 'focusNote' },
  { keys: ['F'], message: 'toggleFollowUp' },
  { keys: ['P'], message: 'togglePrompts' },
  { keys: ['T'], message: 'toggleMode' },
  { keys: ['R'], message: 'respondentView' },
  { keys: ['A'], message: 'finishCheck' },
  { keys: ['Ctrl', 'Enter'], message: 'addNote' },
  { keys: ['?'], message: 'help' },
  { keys: ['Esc'], message: 'escape' },
] as const;

export type ShortcutMessage = (typeof shortcutList)[number]['message'];
