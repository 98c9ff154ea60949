// While an interview is open: leaving it (another screen, closing the window) with input that is not
// saved asks first.
import { useEffect } from 'react';
import { useNavigation } from '../../app/navigation';
import { interviewHasUnsavedInput, useInterview } from './interview-store';

const unsaved = () => interviewHasUnsavedInput(useInterview.getState());

function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (unsaved()) event.preventDefault();
}

export function useLeaveGuard(): void {
  useEffect(() => {
    const { setLeaveGuard } = useNavigation.getState();
    setLeaveGuard(unsaved);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      if (useNavigation.getState().leaveGuard === unsaved) setLeaveGuard(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
}
