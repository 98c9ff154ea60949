// Handlers for clients and their units.
import { AppError } from '../../core/errors';
import { formatOrgNumber } from '../../core/org-number';
import type { ClientDetails } from '../../core/clients';
import type { Db } from '../../db/database';
import * as repo from '../../db/clients-repo';
import { nowIso } from '../../db/rows';
import type { clientMethods } from '../methods/clients';
import type { Handlers } from '../registry';

function requireClient(db: Db, id: string): ClientDetails {
  const client = repo.findClient(db, id);
  if (!client) throw new AppError('not_found', 'That client does not exist (it may have been deleted).');
  return client;
}

function refuseDuplicateOrgNumber(db: Db, orgNumber: string | null, exceptId?: string): void {
  if (!orgNumber) return;
  const existing = repo.findClientByOrgNumber(db, orgNumber);
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', `Organisation number ${formatOrgNumber(orgNumber)} is already registered for ${existing.name}.`, [
      { path: 'orgNumber', message: `already registered for ${existing.name}`, key: 'orgNumberTaken' },
    ]);
  }
}

export const clientHandlers: Handlers<keyof typeof clientMethods> = {
  'clients.list': ({ search }, { db }) => repo.listClients(db, search),

  'clients.get': ({ id }, { db }) => requireClient(db, id),

  'clients.create': (values, { db }) =>
    db.transaction(() => {
      refuseDuplicateOrgNumber(db, values.orgNumber);
      const id = repo.insertClient(db, values, nowIso());
      return requireClient(db, id);
    })(),

  'clients.update': ({ id, ...values }, { db }) =>
    db.transaction(() => {
      requireClient(db, id);
      refuseDuplicateOrgNumber(db, values.orgNumber, id);
      repo.updateClient(db, id, values, nowIso());
      return requireClient(db, id);
    })(),

  'clients.delete': ({ id }, { db }) =>
    db.transaction(() => {
      const client = requireClient(db, id);
      if (client.assessmentCount > 0) {
        throw new AppError('conflict', `${client.name} has ${client.assessmentCount} assessment(s); delete or move them first.`);
      }
      repo.deleteClient(db, id);
      return { deleted: true as const };
    })(),

  'units.create': ({ clientId, ...values }, { db }) =>
    db.transaction(() => {
      requireClient(db, clientId);
      const id = repo.insertUnit(db, clientId, values, nowIso());
      return repo.findUnit(db, id)!;
    })(),

  'units.update': ({ id, ...values }, { db }) =>
    db.transaction(() => {
      if (!repo.updateUnit(db, id, values, nowIso())) {
        throw new AppError('not_found', 'That unit does not exist (it may have been deleted).');
      }
      return repo.findUnit(db, id)!;
    })(),

  'units.delete': ({ id }, { db }) =>
    db.transaction(() => {
      const unit = repo.findUnit(db, id);
      if (!unit) throw new AppError('not_found', 'That unit does not exist (it may have been deleted).');
      const used = repo.countAssessmentsUsing(db, 'unit_id', id);
      if (used > 0) throw new AppError('conflict', `${unit.name} is used by ${used} assessment(s); it cannot be deleted.`);
      repo.deleteUnit(db, id);
      return { deleted: true as const };
    })(),
};
