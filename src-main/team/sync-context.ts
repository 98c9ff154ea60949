// What the parts of a team sync run share: its options, one local transaction per write, and small
// helpers over the two kinds of shared record.
import type { ClientBase } from 'pg';
import type { AssessmentPart, ClientPart } from '../core/package-records';
import type { QuarantinedRecord } from '../core/team-sync';
import type { Db } from '../db/database';
import { readAssessmentPart, readClientPart } from '../db/package-repo';
import type { SyncedKind } from '../db/team-sync-repo';
import type { GuideLookup } from '../transfer/package-plan';
import type { TemplateFolders } from './template-sync';

export interface SyncOptions {
  db: () => Db;
  guides: () => GuideLookup;
  reloadGuides: () => Promise<void>;
  server: ClientBase;
  deviceId: string;
  appVersion: string;
  batchSize: number;
  now: () => string;
  /** Where the built-in and the own report templates are; without it templates are not synced. */
  templateFolders?: TemplateFolders;
  /** Called once before the first local write of fetched records in this run (the handler takes a backup there). */
  beforeLocalWrite: () => Promise<void>;
  /** Called after each batch is committed on both sides (tests pause here to kill the process). */
  afterBatch?: (phase: 'push' | 'pull', batch: number) => Promise<void>;
  /** Called between the server's commit of a pushed batch and the local record of it. */
  afterServerCommit?: (batch: number) => Promise<void>;
}

export type LocalWrite = <T>(write: (db: Db) => T, changesRecords?: boolean) => Promise<T>;

export type Part<K extends SyncedKind> = K extends 'client' ? ClientPart : AssessmentPart;

export function readPart<K extends SyncedKind>(db: Db, kind: K, id: string): Part<K> | undefined {
  return (kind === 'client' ? readClientPart(db, id) : readAssessmentPart(db, id)) as Part<K> | undefined;
}

export function partTitle(kind: SyncedKind, part: ClientPart | AssessmentPart): string {
  return kind === 'client' ? (part as ClientPart).client.name : (part as AssessmentPart).assessment.title;
}

export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function quarantineEntry(kind: QuarantinedRecord['kind'], id: string, serverVersion: number | null, reason: QuarantinedRecord['reason'], detail: string, now: string): QuarantinedRecord {
  return { kind, id, serverVersion, reason, detail, detectedAt: now };
}
