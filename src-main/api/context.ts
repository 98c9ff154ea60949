// What every API handler gets: the database, where the app's files are, and a log.
import type { Db } from '../db/database';

export interface ApiContext {
  db: Db;
  dataDir: string;
  /** The folder holding templates/ and resources/. */
  appRoot: string;
  version: string;
  log(message: string): void;
}
