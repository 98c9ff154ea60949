// Turns API errors into text in the user's language: per field where the API names one.
import type { TFunction } from 'i18next';
import type { ErrorCode } from '../../src-main/core/errors';
import { ApiError } from './api/client';

/** Codes whose text in the user's language says all: the specifics are in the issues, each with a
 * key (fieldErrors), so the server's English sentence is not added. */
const saidInFull: ReadonlySet<ErrorCode> = new Set(['invalid_input', 'report_not_typeset']);

export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const general = t(`errors.codes.${error.code}`, { defaultValue: error.message });
    // The server's own sentence is specific ("already registered for …"); keep it after the general one.
    return saidInFull.has(error.code) || error.message === general ? general : `${general} ${error.message}`;
  }
  return t('errors.codes.internal');
}

/** The first problem per field, translated when the API gave a key for it. */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  const byField: Record<string, string> = {};
  if (!(error instanceof ApiError)) return byField;
  for (const issue of error.issues) {
    if (issue.path in byField) continue;
    byField[issue.path] = issue.key ? t(`errors.${issue.key}`, { defaultValue: issue.message }) : issue.message;
  }
  return byField;
}
