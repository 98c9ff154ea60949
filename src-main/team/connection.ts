// Opens a TLS connection to the team server as the consultant's own login role. The server's
// certificate is always verified: against the CA certificate in the settings, or the system's CAs without one.
import type pg from 'pg';
import { AppError } from '../core/errors';
import type { TeamServerSettings } from '../db/team-sync-repo';

export function tlsOptions(settings: Pick<TeamServerSettings, 'caPem' | 'sslMode'>): { ca?: string; rejectUnauthorized: true; checkServerIdentity?: () => undefined } {
  const ca = settings.caPem ?? undefined;
  // verify-ca: the certificate must come from the CA, but may name another host (a server reached by IP).
  return settings.sslMode === 'verify-ca' ? { ca, rejectUnauthorized: true, checkServerIdentity: () => undefined } : { ca, rejectUnauthorized: true };
}

/** The PostgreSQL client library, loaded only when a team server is used: nothing else pays for it. */
export async function loadPg(): Promise<typeof pg> {
  return (await import('pg')).default;
}

export async function connectTeamServer(settings: TeamServerSettings, password: string): Promise<pg.Client> {
  const { Client } = await loadPg();
  const client = new Client({
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.role,
    password,
    ssl: tlsOptions(settings),
    application_name: 'kartlegg',
    connectionTimeoutMillis: 30_000,
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    // 28P01 wrong password, 28000 no such role or refused by pg_hba.conf.
    const code = (error as { code?: string }).code;
    if (code === '28P01' || code === '28000') {
      throw new AppError('unauthorized', `The team server refused the role ${settings.role}: ${(error as Error).message}. Check the role and its password.`);
    }
    throw new AppError('bad_request', `Cannot reach the team server ${settings.host}:${settings.port}: ${(error as Error).message}. Nothing was synced; work goes on offline and is sent next time.`);
  }
  return client;
}
