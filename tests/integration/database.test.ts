// The database on real SQLite files: pragmas, numbered migrations, backups, refusal of a newer file.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { backupDir } from '../../src-main/db/backup';
import { closeDatabase, databasePath, type Db, latestSchemaVersion, openDatabase, schemaVersion } from '../../src-main/db/database';
import { type Migration, migrations } from '../../src-main/db/migrations';
import { readSettings, writeSettings } from '../../src-main/db/settings-repo';
import { integrityCheck, makeTempDir, removeTempDir, tableNames } from './fixtures/data-folder';

let dataDir: string;
const opened: Db[] = [];

beforeEach(() => {
  dataDir = makeTempDir();
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  removeTempDir(dataDir);
});

async function open(custom?: Migration[]): Promise<Db> {
  const db = await openDatabase({ dataDir, migrations: custom });
  opened.push(db);
  return db;
}

/** Runs fn on a plain connection to the database file, with none of openDatabase's pragmas. */
function withPlainDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(databasePath(dataDir));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function backupFiles(): string[] {
  const dir = backupDir(dataDir);
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.sqlite')) : [];
}

const now = '2025-03-01T10:00:00.000Z';

const version1: Migration = {
  version: 1,
  name: 'visits',
  sql: `CREATE TABLE visits (id INTEGER PRIMARY KEY, place TEXT NOT NULL);
        INSERT INTO visits (place) VALUES ('Bergen'), ('Tromsø');`,
};
const version2: Migration = {
  version: 2,
  name: 'visit notes',
  sql: `CREATE TABLE visit_notes (visit_id INTEGER NOT NULL REFERENCES visits(id), text TEXT NOT NULL);
        ALTER TABLE visits ADD COLUMN visited_on TEXT;`,
};

describe('openDatabase on an empty folder', () => {
  it('creates every table of the schema and sets the latest schema version', async () => {
    const db = await open();
    const declared = migrations.flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (\w+)/g)].map((match) => match[1]));
    expect(declared).toEqual(expect.arrayContaining(['clients', 'units', 'assessments', 'interviews', 'answers', 'settings']));
    expect(tableNames(db)).toEqual([...declared].sort());
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(latestSchemaVersion).toBe(migrations[migrations.length - 1].version);
    expect(integrityCheck(db)).toBe('ok');
  });

  it('sets the pragmas of the one writer connection', async () => {
    const db = await open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });

  it('enforces foreign keys', async () => {
    const db = await open();
    expect(() =>
      db
        .prepare('INSERT INTO units (id, client_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run('u1', 'no-such-client', 'Lager', now, now),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('makes no backup of a database that did not exist', async () => {
    await open();
    expect(backupFiles()).toEqual([]);
  });
});

describe('reopening', () => {
  it('applies nothing, keeps the data and makes no backup', async () => {
    const first = await open();
    writeSettings(first, { consultancyName: 'Bedriftshelse Vest' }, now);
    closeDatabase(first);

    const second = await open();
    expect(schemaVersion(second)).toBe(latestSchemaVersion);
    expect(readSettings(second).consultancyName).toBe('Bedriftshelse Vest');
    expect(backupFiles()).toEqual([]);
  });

  it('runs a migration only once', async () => {
    closeDatabase(await open([version1]));
    const db = await open([version1]);
    expect(db.prepare('SELECT place FROM visits ORDER BY id').pluck().all()).toEqual(['Bergen', 'Tromsø']);
    expect(schemaVersion(db)).toBe(1);
    expect(backupFiles()).toEqual([]);
  });
});

describe('a database from a newer version', () => {
  const newer = latestSchemaVersion + 3;

  async function expectRefused(): Promise<void> {
    const error = await openDatabase({ dataDir }).then(
      () => {
        throw new Error('expected openDatabase to refuse the newer database');
      },
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database_too_new');
    expect((error as AppError).message).toContain(`schema ${newer}`);
    expect((error as AppError).message).toContain(`up to ${latestSchemaVersion}`);
  }

  it.each([
    ['WAL', 'wal'],
    ['rollback journal', 'delete'],
  ])('is refused and left byte for byte as it was (%s mode)', async (_name, journalMode) => {
    withPlainDb((db) => {
      db.pragma(`journal_mode = ${journalMode}`);
      db.exec("CREATE TABLE future_things (id INTEGER PRIMARY KEY, what TEXT); INSERT INTO future_things (what) VALUES ('hover car');");
      db.pragma(`user_version = ${newer}`);
    });
    const before = readFileSync(databasePath(dataDir));

    await expectRefused();

    expect(readFileSync(databasePath(dataDir)).equals(before)).toBe(true);
    expect(backupFiles()).toEqual([]);
    withPlainDb((db) => expect(db.pragma('user_version', { simple: true })).toBe(newer));
  });
});

describe('migrating an existing database', () => {
  it('backs up the old version first, checked and complete', async () => {
    closeDatabase(await open([version1]));

    const db = await open([version1, version2]);
    expect(schemaVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(['visit_notes', 'visits']);

    const backups = backupFiles();
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/before-migration-1-to-2\.sqlite$/);
    const backup = new Database(path.join(backupDir(dataDir), backups[0]), { readonly: true, fileMustExist: true });
    try {
      expect(integrityCheck(backup)).toBe('ok');
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(tableNames(backup)).toEqual(['visits']);
      expect(backup.prepare('SELECT id, place FROM visits ORDER BY id').all()).toEqual([
        { id: 1, place: 'Bergen' },
        { id: 2, place: 'Tromsø' },
      ]);
    } finally {
      backup.close();
    }
  });

  it('rolls back every pending migration when one fails, and passes the error on', async () => {
    closeDatabase(await open([version1]));
    const broken: Migration = { version: 3, name: 'broken', sql: 'CREATE TABLE half_done (id INTEGER); CREATE TABLE oops (' };

    await expect(openDatabase({ dataDir, migrations: [version1, version2, broken] })).rejects.toThrow(/syntax error|incomplete input/);

    withPlainDb((db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(tableNames(db)).toEqual(['visits']);
      expect(db.prepare('SELECT place FROM visits ORDER BY id').pluck().all()).toEqual(['Bergen', 'Tromsø']);
      expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('visits')).toEqual(['id', 'place']);
      expect(integrityCheck(db)).toBe('ok');
    });
    // The backup made before the attempt is still there for the user.
    expect(backupFiles()).toHaveLength(1);
  });

  it('leaves a new database empty when its first migration fails', async () => {
    const broken: Migration = { version: 1, name: 'broken', sql: 'CREATE TABLE fine (id INTEGER); INSERT INTO missing VALUES (1);' };

    await expect(openDatabase({ dataDir, migrations: [broken] })).rejects.toThrow(/no such table: missing/);

    withPlainDb((db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(0);
      expect(tableNames(db)).toEqual([]);
    });
  });

  it('opens normally once the failing migration is fixed', async () => {
    closeDatabase(await open([version1]));
    const broken: Migration = { ...version2, sql: `${version2.sql} SELECT * FROM nowhere;` };
    await expect(openDatabase({ dataDir, migrations: [version1, broken] })).rejects.toThrow(/no such table: nowhere/);

    const db = await open([version1, version2]);
    expect(schemaVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(['visit_notes', 'visits']);
  });
});

describe('transactions', () => {
  it('leave nothing half-written when a statement fails', async () => {
    const db = await open();
    const addClientWithUnit = db.transaction(() => {
      db.prepare('INSERT INTO clients (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run('c1', 'Renhold AS', now, now);
      db.prepare('INSERT INTO units (id, client_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('u1', 'c2', 'Lager', now, now);
    });

    expect(() => addClientWithUnit()).toThrow(/FOREIGN KEY constraint failed/);

    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(0);
  });

  it('leave no setting written when one value of a patch cannot be stored', async () => {
    const db = await open();
    // JSON.stringify throws on a BigInt, after the first key has been written inside the transaction.
    const patch = { consultancyName: 'Bedriftshelse Vest', minGroupSize: 7n as unknown as number };

    expect(() => writeSettings(db, patch, now)).toThrow(TypeError);

    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });
});

describe('closeDatabase', () => {
  it('folds the WAL back into the database file', async () => {
    const db = await open();
    writeSettings(db, { consultancyName: 'Bedriftshelse Vest', minGroupSize: 6 }, now);
    const wal = `${databasePath(dataDir)}-wal`;
    expect(statSync(wal).size).toBeGreaterThan(0);

    closeDatabase(db);

    expect(db.open).toBe(false);
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    withPlainDb((plain) => {
      expect(plain.prepare("SELECT value FROM settings WHERE key = 'minGroupSize'").pluck().get()).toBe('6');
    });
  });

  it('does nothing on a connection that is already closed', async () => {
    const db = await open();
    closeDatabase(db);
    expect(() => closeDatabase(db)).not.toThrow();
  });
});
