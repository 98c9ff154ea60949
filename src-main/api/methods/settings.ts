// API contract for the consultancy's settings.
import { z } from 'zod';
import type { Settings } from '../../core/settings';
import { method } from '../method';
import { text } from '../fields';

export const settingsPatch = z
  .object({
    language: z.enum(['nb', 'en']),
    minGroupSize: z.number().int().min(3, { message: 'never below 3' }).max(50),
    consultancyName: text(200),
    backupsToKeep: z.number().int().min(1).max(100),
  })
  .partial()
  .strict();

export const settingsMethods = {
  'settings.get': method<Settings>()({
    summary: 'The settings, with defaults for what was never set.',
    input: z.object({}).strict(),
  }),
  'settings.update': method<Settings>()({
    summary: 'Changes some settings and returns all of them.',
    input: settingsPatch,
  }),
};
