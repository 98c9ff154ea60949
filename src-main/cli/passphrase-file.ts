// Reads a passphrase from a file: never from the command line, which other users of the computer may see.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

export function readPassphrase(file: unknown): string | undefined {
  if (typeof file !== 'string') return undefined;
  let text: string;
  try {
    text = readFileSync(path.resolve(file), 'utf8');
  } catch (error) {
    throw new AppError('bad_request', `Cannot read the passphrase file ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase === '') throw new AppError('bad_request', `The passphrase file ${file} is empty.`);
  return passphrase;
}
