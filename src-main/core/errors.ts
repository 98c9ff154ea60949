// The one error type that crosses the API boundary as data: a stable code and a plain message.

export type ErrorCode =
  | 'bad_request'
  | 'invalid_input'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'payload_too_large'
  | 'database_too_new'
  | 'database_locked'
  /** The database file is damaged or not a database; a backup must be restored. */
  | 'database_corrupt'
  /** The data folder is encrypted and no passphrase has been given yet (encryption.unlock). */
  | 'passphrase_required'
  /** The passphrase does not open the encrypted data. */
  | 'wrong_passphrase'
  | 'invalid_file'
  /** The caller cancelled a long call before it wrote anything. */
  | 'cancelled'
  /** A text of the report cannot be typeset in the report's fonts (a fault of the font library);
   * the report was not made, and the issue (key reportTextNotTypeset) names the text. */
  | 'report_not_typeset'
  | 'internal';

export interface ErrorIssue {
  /** Where the problem is, e.g. "orgNumber" or "items[3].text.pl". */
  path: string;
  message: string;
  /** A key the UI translates, when the problem has a user-facing wording. */
  key?: string;
}

export interface ErrorData {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): ErrorData {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
