// The words for a refused passphrase: a wrong one, a too short one, or any other error as usual.
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api/client';
import { errorText } from '../../lib/errors';

export function passphraseErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'wrong_passphrase') return t('encryption.wrongPassphrase');
    if (error.issues.some((issue) => issue.key === 'passphraseTooShort')) return t('encryption.tooShort');
  }
  return errorText(t, error);
}
