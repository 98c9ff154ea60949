// Reads and writes clients and units.
import type { Client, ClientDetails, ClientSummary, ClientValues, Unit, UnitValues } from '../core/clients';
import type { Db } from './sqlite';

interface ClientRow {
  id: string;
  name: string;
  org_number: string | null;
  nace_code: string | null;
  address: string;
  postal_code: string;
  city: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  notes: string;
  created_at: string;
  updated_at: string;
  unit_count: number;
  assessment_count: number;
}

interface UnitRow {
  id: string;
  client_id: string;
  name: string;
  address: string;
  description: string;
  created_at: string;
  updated_at: string;
}

const summaryColumns = `c.*,
  (SELECT count(*) FROM units u WHERE u.client_id = c.id) AS unit_count,
  (SELECT count(*) FROM assessments a WHERE a.client_id = c.id) AS assessment_count`;

function toClient(row: ClientRow): ClientSummary {
  const client: Client = {
    id: row.id,
    name: row.name,
    orgNumber: row.org_number,
    naceCode: row.nace_code,
    address: row.address,
    postalCode: row.postal_code,
    city: row.city,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return { ...client, unitCount: row.unit_count, assessmentCount: row.assessment_count };
}

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    address: row.address,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listClients(db: Db, search?: string): ClientSummary[] {
  const term = search?.trim() ?? '';
  const digits = term.replace(/[\s.]/g, '');
  const rows = db
    .prepare(
      `SELECT ${summaryColumns} FROM clients c
       WHERE :term = '' OR contains_text(c.name, :term) OR contains_text(c.city, :term)
          OR (:digits <> '' AND instr(c.org_number, :digits) > 0)
       ORDER BY fold(c.name)`,
    )
    .all({ term, digits: /^\d+$/.test(digits) ? digits : '' }) as ClientRow[];
  return rows.map(toClient);
}

export function findClient(db: Db, id: string): ClientDetails | undefined {
  const row = db.prepare(`SELECT ${summaryColumns} FROM clients c WHERE c.id = ?`).get(id) as ClientRow | undefined;
  if (!row) return undefined;
  const units = (db.prepare('SELECT * FROM units WHERE client_id = ? ORDER BY fold(name)').all(id) as UnitRow[]).map(toUnit);
  return { ...toClient(row), units };
}

export function findClientByOrgNumber(db: Db, orgNumber: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM clients WHERE org_number = ?').get(orgNumber) as { id: string; name: string } | undefined;
}

function clientParams(values: ClientValues) {
  return {
    name: values.name,
    org_number: values.orgNumber,
    nace_code: values.naceCode,
    address: values.address,
    postal_code: values.postalCode,
    city: values.city,
    contact_name: values.contactName,
    contact_email: values.contactEmail,
    contact_phone: values.contactPhone,
    notes: values.notes,
  };
}

export function insertClient(db: Db, values: ClientValues, now: string): string {
  const id = crypto.randomUUID();
  db.prepare(
    `INSERT INTO clients (id, name, org_number, nace_code, address, postal_code, city, contact_name, contact_email,
       contact_phone, notes, created_at, updated_at)
     VALUES (:id, :name, :org_number, :nace_code, :address, :postal_code, :city, :contact_name, :contact_email,
       :contact_phone, :notes, :now, :now)`,
  ).run({ id, now, ...clientParams(values) });
  return id;
}

export function updateClient(db: Db, id: string, values: ClientValues, now: string): boolean {
  const result = db
    .prepare(
      `UPDATE clients SET name = :name, org_number = :org_number, nace_code = :nace_code, address = :address,
         postal_code = :postal_code, city = :city, contact_name = :contact_name, contact_email = :contact_email,
         contact_phone = :contact_phone, notes = :notes, updated_at = :now
       WHERE id = :id`,
    )
    .run({ id, now, ...clientParams(values) });
  return result.changes === 1;
}

export function deleteClient(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM clients WHERE id = ?').run(id).changes === 1;
}

export function findUnit(db: Db, id: string): Unit | undefined {
  const row = db.prepare('SELECT * FROM units WHERE id = ?').get(id) as UnitRow | undefined;
  return row && toUnit(row);
}

export function insertUnit(db: Db, clientId: string, values: UnitValues, now: string): string {
  const id = crypto.randomUUID();
  db.prepare(
    `INSERT INTO units (id, client_id, name, address, description, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, clientId, values.name, values.address, values.description, now, now);
  return id;
}

export function updateUnit(db: Db, id: string, values: UnitValues, now: string): boolean {
  return (
    db
      .prepare('UPDATE units SET name = ?, address = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(values.name, values.address, values.description, now, id).changes === 1
  );
}

export function deleteUnit(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM units WHERE id = ?').run(id).changes === 1;
}

export function countAssessmentsUsing(db: Db, column: 'client_id' | 'unit_id', id: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM assessments WHERE ${column} = ?`).get(id) as { n: number }).n;
}
