// Asks before leaving an interview whose input is not all saved; staying is the default.
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export function LeaveDialog() {
  const { t } = useTranslation();
  const pending = useNavigation((s) => s.pending);
  const resolvePending = useNavigation((s) => s.resolvePending);
  if (!pending) return null;
  return (
    <ConfirmDialog
      title={t('interviewFinish.leaveTitle')}
      body={t('interviewFinish.leaveBody')}
      confirmLabel={t('interviewFinish.leave')}
      cancelLabel={t('interviewFinish.stay')}
      onCancel={() => resolvePending(false)}
      onConfirm={() => resolvePending(true)}
    />
  );
}
