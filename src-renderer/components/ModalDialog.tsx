// A modal <dialog>: shown when it mounts and closed when it unmounts, with the focus on
// `initialFocus`; Escape asks its owner through onCancel, so the owner decides whether it closes.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface ModalDialogProps {
  titleId: string;
  descriptionId: string;
  className?: string;
  initialFocus?: RefObject<HTMLElement | null>;
  /** For an owner that looks inside the dialog (e.g. to focus the first error). */
  dialogRef?: RefObject<HTMLDialogElement | null>;
  onCancel(): void;
  children: ReactNode;
}

export function ModalDialog({ titleId, descriptionId, className = 'dialog', initialFocus, dialogRef, onCancel, children }: ModalDialogProps) {
  const ownRef = useRef<HTMLDialogElement>(null);
  const dialog = dialogRef ?? ownRef;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    initialFocus?.current?.focus();
    return () => element?.close();
  }, [dialog, initialFocus]);

  return (
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
