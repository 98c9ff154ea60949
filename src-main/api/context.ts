// What every API handler gets: the database, the guides, where the app's files are, and a log.
import type { DataStore } from '../db/data-store';
import type { Db } from '../db/database';
import type { GuideLibrary } from '../guides/guide-library';
import type { CallProgress } from './progress';

export interface ApiContext {
  /** The open connection (a getter: it changes when a backup is restored, and throws while in recovery). */
  readonly db: Db;
  /** The data folder's lock, connection state, backups and restore. */
  dataStore: DataStore;
  dataDir: string;
  /** The folder holding templates/ and resources/. */
  appRoot: string;
  version: string;
  /** The built-in guides and those imported into the database, loaded on first use. */
  guides(): GuideLibrary;
  /** Forgets the loaded guides (after one was imported, or the database changed); the next guides() loads them again. */
  reloadGuides(): Promise<void>;
  log(message: string): void;
  /** Tells this call's caller how far it has come (nobody may be listening). */
  progress(progress: CallProgress): void;
  /** Rejects with AppError('cancelled') once this call's caller has cancelled it; long handlers await
   * it only where stopping still leaves nothing written. It lets the event loop turn first, so a
   * cancel request that arrived during synchronous work is seen. */
  checkCancelled(): Promise<void>;
}
