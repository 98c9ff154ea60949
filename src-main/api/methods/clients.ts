// API contract for clients and their units.
import { z } from 'zod';
import type { ClientDetails, ClientSummary, Unit } from '../../core/clients';
import { checkOrgNumber, normalizeOrgNumber } from '../../core/org-number';
import { naceCodePattern } from '../../core/nace';
import { lazySchema } from '../../core/lazy-schema';
import { method } from '../method';
import { requiredText, text, uuid } from '../fields';

const orgNumber = lazySchema(() =>
  z
    .string()
    .max(20, { message: 'at most 20 characters' })
    .transform((value) => normalizeOrgNumber(value.trim()))
    .superRefine((digits, ctx) => {
      if (digits === '') return;
      const problem = checkOrgNumber(digits);
      if (problem === 'format') {
        ctx.addIssue({ code: 'custom', message: 'an organisation number has nine digits', params: { key: 'orgNumberFormat' } });
      } else if (problem === 'checkDigit') {
        ctx.addIssue({ code: 'custom', message: 'the check digit does not match: look for a typing error', params: { key: 'orgNumberCheckDigit' } });
      } else if (problem === 'notIssued') {
        ctx.addIssue({ code: 'custom', message: 'organisation numbers start with 8 or 9: this one is never issued', params: { key: 'orgNumberNotIssued' } });
      }
    })
    .transform((digits) => (digits === '' ? null : digits)),
);

const naceCode = lazySchema(() =>
  z
    .string()
    .trim()
    .max(10)
    .refine((value) => value === '' || naceCodePattern.test(value), {
      message: 'a NACE code looks like 81.21',
      params: { key: 'naceFormat' },
    })
    .transform((value) => (value === '' ? null : value)),
);

const email = lazySchema(() =>
  z
    .string()
    .trim()
    .max(200)
    .refine((value) => value === '' || z.email().safeParse(value).success, {
      message: 'not an e-mail address',
      params: { key: 'email' },
    }),
);

export const clientFields = lazySchema(() =>
  z.object({
    name: requiredText(200),
    orgNumber: orgNumber().prefault(''),
    naceCode: naceCode().prefault(''),
    address: text(300).optional().default(''),
    postalCode: text(20)
      .trim()
      .refine((code) => /^(\d{4})?$/.test(code), { message: 'a Norwegian postcode has four digits', params: { key: 'postalCodeFormat' } })
      .optional()
      .default(''),
    city: text(100).optional().default(''),
    contactName: text(200).optional().default(''),
    contactEmail: email().prefault(''),
    contactPhone: text(50).optional().default(''),
    notes: text(5000).optional().default(''),
  }),
);

export type ClientFields = z.output<ReturnType<typeof clientFields>>;

export const unitFields = lazySchema(() =>
  z.object({
    name: requiredText(200),
    address: text(300).optional().default(''),
    description: text(2000).optional().default(''),
  }),
);

export type UnitFields = z.output<ReturnType<typeof unitFields>>;

export const clientMethods = {
  'clients.list': method<ClientSummary[]>()({
    summary: 'Lists clients, optionally filtered by a search in name, organisation number or city.',
    input: () => z.object({ search: text(200).optional() }).strict(),
  }),
  'clients.get': method<ClientDetails>()({
    summary: 'One client with its units.',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'clients.create': method<ClientDetails>()({
    summary: 'Creates a client. The organisation number, when given, must pass the mod-11 check and be unique.',
    input: () => clientFields().strict(),
  }),
  'clients.update': method<ClientDetails>()({
    summary: 'Replaces a client\'s fields.',
    input: () => clientFields().extend({ id: uuid }).strict(),
  }),
  'clients.delete': method<{ deleted: true }>()({
    summary: 'Deletes a client and its units; refused while the client has assessments.',
    input: () => z.object({ id: uuid }).strict(),
  }),
  'units.create': method<Unit>()({
    summary: 'Adds a unit (site or department) to a client.',
    input: () => unitFields().extend({ clientId: uuid }).strict(),
  }),
  'units.update': method<Unit>()({
    summary: 'Replaces a unit\'s fields.',
    input: () => unitFields().extend({ id: uuid }).strict(),
  }),
  'units.delete': method<{ deleted: true }>()({
    summary: 'Deletes a unit; refused while an assessment uses it.',
    input: () => z.object({ id: uuid }).strict(),
  }),
};
