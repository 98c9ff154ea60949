// API contract for the consultancy's settings.
import { z } from 'zod';
import { brandColourPattern, checkLogo, maxLogoDataUrlLength } from '../../core/logo';
import { matrixProblems, matrixSizes } from '../../core/risk-matrix';
import { consultantProfileLimits, type Settings } from '../../core/settings';
import { lazySchema } from '../../core/lazy-schema';
import { method } from '../method';
import { text } from '../fields';

/** A consultancy's own matrix: its size and where medium and high start on likelihood × consequence. */
export const riskMatrixField = lazySchema(() =>
  z
    .object({
      size: z.literal(matrixSizes, { message: 'the matrix is 3 × 3, 4 × 4 or 5 × 5' }),
      mediumFrom: z.number().int().min(2).max(24),
      highFrom: z.number().int().min(3).max(25),
    })
    .strict()
    .superRefine((matrix, ctx) => {
      for (const problem of matrixProblems(matrix)) {
        ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message, params: { key: problem.key } });
      }
    }),
);

export const settingsPatch = lazySchema(() =>
  z
    .object({
      language: z.enum(['nb', 'en']),
      minGroupSize: z.number().int().min(3, { message: 'never below 3' }).max(50),
      consultancyName: text(200),
      backupsToKeep: z.number().int().min(1).max(100),
      riskMatrix: riskMatrixField(),
      brandColour: z.string().regex(brandColourPattern, { message: 'a colour such as #1f4e79' }),
      logo: z
        .string()
        .max(maxLogoDataUrlLength, { message: 'the logo is too large (at most about 200 KB)' })
        .nullable()
        .superRefine((dataUrl, ctx) => {
          const checked = dataUrl === null ? null : checkLogo(dataUrl);
          if (checked && !checked.ok) ctx.addIssue({ code: 'custom', message: checked.message, params: { key: checked.key } });
        }),
      consultantProfile: z
        .object({
          name: text(consultantProfileLimits.name).trim(),
          title: text(consultantProfileLimits.title).trim(),
          firm: text(consultantProfileLimits.firm).trim(),
        })
        .strict(),
    })
    .partial()
    .strict(),
);

export const settingsMethods = {
  'settings.get': method<Settings>()({
    summary: 'The settings, with defaults for what was never set.',
    input: () => z.object({}).strict(),
  }),
  'settings.update': method<Settings>()({
    summary:
      'Changes some settings and returns all of them. A new risk matrix keeps every rating as it was and flags the findings ' +
      'rated on another size, or whose cell the new bands give another level, for review.',
    input: () => settingsPatch(),
  }),
};
