// The errors a refused import file gives: each reason its own key (the UI's transferErrors.<key>) and an English message.
import { AppError, type ErrorIssue } from '../core/errors';

export const fileErrorKeys = [
  'fileTooLarge',
  'notAPackage',
  'truncated',
  'damaged',
  'tooManyEntries',
  'entryTooLarge',
  'contentTooLarge',
  'unsafeEntryName',
  'duplicateEntry',
  'unsupportedZip',
  'missingManifest',
  'badManifest',
  'newerFormat',
  'olderFormatUnknown',
  'missingPart',
  'unlistedPart',
  'checksumMismatch',
  'invalidPart',
  'duplicateId',
  'brokenReference',
  'guideMissing',
  'guideDiffers',
  'guideInvalid',
  'answerNotInGuide',
  'passphraseRequired',
  'passphraseWrong',
  'encryptionDamaged',
  'unsupportedEncryption',
  'notASpreadsheet',
  'emptySpreadsheet',
  'tooManyRows',
  'tooManyColumns',
  'cellTooLong',
  'noSuchSheet',
] as const;

export type FileErrorKey = (typeof fileErrorKeys)[number];

/** A refused file: code invalid_file, the reason first among the issues (its key, in words: "entry too large"), then any details. */
export function fileError(key: FileErrorKey, message: string, details: ErrorIssue[] = []): AppError {
  const reason = key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  return new AppError('invalid_file', message, [{ path: 'file', message: reason, key }, ...details]);
}
