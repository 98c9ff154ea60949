// Listens for the interview's shortcut keys while the question screen is shown; typing in a field is never taken for a shortcut.
import { useEffect } from 'react';
import { useInterview } from './interview-store';
import { shortcutFor, type ShortcutAction } from './logic/shortcuts';

/** What can go on while the respondent view is open: recording answers and moving between questions. */
const allowedWhileShown = new Set<ShortcutAction['kind']>(['choose', 'removeVote', 'notApplicable', 'next', 'previous']);

function run(action: ShortcutAction): void {
  const store = useInterview.getState();
  switch (action.kind) {
    case 'choose':
      return store.choose(action.value);
    case 'removeVote':
      return store.removeVote(action.value);
    case 'notApplicable':
      return store.notApplicable();
    case 'next':
      return store.next();
    case 'previous':
      return store.previous();
    case 'focusNote':
      return store.requestNoteFocus();
    case 'toggleFollowUp':
      return store.toggleFollowUp();
    case 'togglePrompts':
      return store.togglePrompts();
    case 'toggleMode':
      return store.toggleMode();
    case 'respondentView':
      return store.setRespondentOpen(true);
    case 'help':
      return store.toggleHelp();
  }
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (target?.closest('input, textarea, select, [contenteditable="true"]')) {
    // Esc leaves a text field (outside dialogs, where Esc closes the dialog), so the shortcuts work again.
    if (event.key === 'Escape' && !target.closest('dialog')) {
      event.preventDefault();
      document.getElementById('interview-question')?.focus();
    }
    return;
  }
  // The ballot takes its own keys; no interview shortcut may record or show anything meanwhile.
  if (useInterview.getState().privateRound) return;
  const action = shortcutFor(event);
  if (!action) return;
  if (useInterview.getState().respondentOpen) {
    if (!allowedWhileShown.has(action.kind)) return;
  } else if (document.querySelector('dialog[open]')) {
    return;
  }
  event.preventDefault();
  run(action);
}

export function useInterviewShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
