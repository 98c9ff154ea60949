// A ConfirmDialog that runs the confirmed action (e.g. a deletion) and, if it fails, stays open with the reason.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { ConfirmDialog } from './ConfirmDialog';

interface ConfirmActionDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** Does the work and closes the dialog; a thrown error is shown in the dialog. */
  onConfirm(): Promise<void>;
  onCancel(): void;
}

export function ConfirmActionDialog({ onConfirm, ...dialog }: ConfirmActionDialogProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog
      {...dialog}
      error={error}
      onConfirm={async () => {
        try {
          await onConfirm();
        } catch (caught) {
          setError(errorText(t, caught));
        }
      }}
    />
  );
}
