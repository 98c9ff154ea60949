// The interview guide format: one zod schema for the files in templates/interviews, with the
// cross-checks (ids, references, translations) that a shape alone cannot express.
import { z } from 'zod';
import { languageCodePattern } from './languages';

export const guideFormat = 'kartlegg-guide/1';

const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, ".", "_" or "-"')
  .meta({ id: 'GuideId' });

const languageCode = z.string().regex(languageCodePattern, 'not a language code').meta({ id: 'GuideLanguageCode' });

/** Text in several languages, keyed by language code. Which languages are required is checked
 * against the guide's language list, so the messages can name the missing language. */
const localizedText = z
  .record(languageCode, z.string().trim().min(1, 'empty text').max(2000))
  .meta({ id: 'GuideLocalizedText', description: 'Text per language code, e.g. { "nb": "…", "en": "…" }' });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the date form YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'not a real date');

const translationSchema = z
  .object({
    code: languageCode,
    status: z.enum(['draft', 'reviewed']).describe('"reviewed" once a qualified translator has checked every text'),
    reviewedBy: z.string().trim().min(1).max(200).optional(),
    reviewedOn: isoDate.optional(),
  })
  .strict();

const scalePointSchema = z
  .object({
    value: z.number().int().min(1).max(10),
    label: localizedText,
  })
  .strict();

const scaleSchema = z
  .object({
    id,
    kind: z.enum(['frequency', 'agreement', 'intensity', 'other']),
    points: z.array(scalePointSchema).min(2).max(9).describe('From the lowest value to the highest, rising by one'),
  })
  .strict();

const legalReferenceSchema = z
  .object({
    id,
    citation: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('The citation as written in Norwegian, e.g. "Arbeidsmiljøloven § 4-3 (2) bokstav b"'),
    title: localizedText,
  })
  .strict();

const measureSuggestionSchema = z
  .object({
    id,
    text: localizedText,
  })
  .strict();

const factorSchema = z
  .object({
    id,
    title: localizedText,
    description: localizedText,
    legalBasis: z.array(id).min(1).describe('Ids from legalReferences'),
    direction: z
      .enum(['higherIsBetter', 'higherIsWorse'])
      .describe('Whether a high factor score (after reverse scoring) is good, as for support, or bad, as for demands'),
    thresholds: z
      .object({ lower: z.number().min(0).max(100), upper: z.number().min(0).max(100) })
      .strict()
      .refine((t) => t.lower < t.upper, { message: 'lower must be below upper' })
      .describe('Cut points on the 0–100 factor score; what is green depends on direction'),
    measures: z.array(measureSuggestionSchema).default([]).describe('Suggested measures for the action plan'),
  })
  .strict();

const itemSchema = z
  .object({
    id,
    factor: id.describe('The id of the factor this item scores'),
    scale: id.describe('The id of the answer scale'),
    text: localizedText,
    reverse: z.boolean().default(false).describe('Score the item upside down (highest answer counts as lowest)'),
    followUp: z.array(localizedText).default([]).describe('Prompts for the consultant, never shown to respondents'),
    module: id.optional().describe('The id of the optional module the item belongs to; an item without one is in the core set'),
  })
  .strict();

/** An optional set of items the consultant chooses when planning an assessment (GUIDE-V2.md). */
const moduleSchema = z
  .object({
    id,
    title: localizedText,
    description: localizedText.optional(),
  })
  .strict();

/** The agreed translation of a Norwegian term (verneombud, tillitsvalgt, BHT, RVO, scale labels). */
const termSchema = z
  .object({
    term: z.string().trim().min(1).max(200).describe('The Norwegian term'),
    translation: z.string().trim().min(1).max(200),
  })
  .strict();

/** The review status of one text in one language; a text without an entry has its language's status. */
const textStatusSchema = z
  .object({
    status: z.enum(['draft', 'reviewed']),
    reviewedBy: z.string().trim().min(1).max(200).optional(),
    reviewedOn: isoDate.optional(),
  })
  .strict();

/** Texts the consultant reads (follow-up prompts, measures, legal titles) need only these
 * languages, and every guide must list them; all that a respondent sees needs every language the
 * guide lists. */
export const consultantLanguages = ['nb', 'en'] as const;

/** The structure alone, without the cross-checks: the JSON Schema is generated from this. */
export const guideShape = z
  .object({
    format: z.literal(guideFormat),
    id,
    // A fourth number marks a reviewed translation imported over the version of the first three.
    version: z.string().regex(/^\d+\.\d+(\.\d+){0,2}$/, 'use a version such as 1.0 or 1.2.3'),
    title: localizedText,
    description: localizedText,
    sourceLanguage: languageCode.describe('The language the guide was written in; one of the listed languages'),
    languages: z.array(translationSchema).min(1),
    legalReferences: z.array(legalReferenceSchema).default([]),
    scales: z.array(scaleSchema).min(1),
    factors: z.array(factorSchema).min(1),
    items: z.array(itemSchema).min(1),
    modules: z.array(moduleSchema).optional().describe('Optional modules chosen when an assessment is planned'),
    terms: z
      .record(languageCode, z.array(termSchema))
      .optional()
      .describe('Per language the agreed translation of key Norwegian terms, used consistently'),
    textStatus: z
      .record(languageCode, z.record(z.string().min(1).max(300), textStatusSchema))
      .optional()
      .describe('Per language and text key (e.g. "items.workload-1.text") the review status of that text'),
  })
  .strict();

type GuideShape = z.output<typeof guideShape>;

/** What survives of a guide whose structure is partly wrong: every field that is valid on its
 * own, and nothing else. List positions are kept so that problem paths stay right. */
type Salvaged<T> = T extends readonly (infer E)[]
  ? (Salvaged<E> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Salvaged<T[K]> }
    : T;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function salvage(schema: z.ZodType, value: unknown): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  const inner = schema instanceof z.ZodDefault || schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodObject && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const kept = salvage(field, value[key]);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((element) => salvage(inner.element as z.ZodType, element));
  }
  if (inner instanceof z.ZodRecord && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (!(inner.keyType as z.ZodType).safeParse(key).success) continue;
      const kept = salvage(inner.valueType as z.ZodType, entry);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  return undefined;
}

type Path = (string | number)[];

/** The set of ids in a list, or undefined when the list or any id in it is broken: a reference
 * can only be called unknown when every id it could point at is known. */
function knownIds<T>(list: (T | undefined)[] | undefined, getId: (entry: T) => string | undefined): Set<string> | undefined {
  if (!list) return undefined;
  const ids = list.map((entry) => (entry === undefined ? undefined : getId(entry)));
  return ids.every((value) => value !== undefined) ? new Set(ids as string[]) : undefined;
}

// zod skips a refinement once the shape has failed, which would hide every translation and
// reference problem behind the first typo; so this runs always, on what is valid.
function checkGuideReferences(value: GuideShape, ctx: z.RefinementCtx<GuideShape>): void {
  const shapeIsValid = ctx.issues.length === 0;
  const salvaged = shapeIsValid ? value : salvage(guideShape, value);
  if (!isPlainObject(salvaged)) return;
  const guide = salvaged as Salvaged<GuideShape>;

  // One problem per place: where the shape already reported one (say an empty pl text), the
  // cross-check's view of it (a missing pl text) would only repeat it.
  const shapeProblemPaths = new Set(ctx.issues.map((issue) => JSON.stringify(issue.path ?? [])));
  const report = (path: Path, message: string) => {
    if (!shapeProblemPaths.has(JSON.stringify(path))) ctx.addIssue({ code: 'custom', path, message });
  };

  const duplicates = (values: (string | undefined)[], path: (index: number) => Path, what: string) => {
    const seen = new Set<string>();
    values.forEach((entry, index) => {
      if (entry === undefined) return;
      if (seen.has(entry)) report(path(index), `duplicate ${what} "${entry}"`);
      seen.add(entry);
    });
  };

  const languages = guide.languages;
  const scales = guide.scales ?? [];
  const factors = guide.factors ?? [];
  const items = guide.items ?? [];
  const legalReferences = guide.legalReferences ?? [];

  duplicates((languages ?? []).map((l) => l?.code), (i) => ['languages', i, 'code'], 'language');
  duplicates(scales.map((s) => s?.id), (i) => ['scales', i, 'id'], 'scale id');
  duplicates(factors.map((f) => f?.id), (i) => ['factors', i, 'id'], 'factor id');
  duplicates(items.map((it) => it?.id), (i) => ['items', i, 'id'], 'item id');
  duplicates(legalReferences.map((r) => r?.id), (i) => ['legalReferences', i, 'id'], 'legal reference id');
  const modules = guide.modules ?? [];
  duplicates(modules.map((m) => m?.id), (i) => ['modules', i, 'id'], 'module id');

  languages?.forEach((language, index) => {
    if (language?.status !== 'reviewed') return;
    if (!language.reviewedBy) report(['languages', index, 'reviewedBy'], 'a reviewed translation needs reviewedBy (who reviewed it)');
    if (!language.reviewedOn) report(['languages', index, 'reviewedOn'], 'a reviewed translation needs reviewedOn (the date of the review)');
  });

  // Required languages are those known to be listed; checks that need the whole list skip a broken one.
  const languageCodes = (languages ?? []).flatMap((l) => (l?.code ? [l.code] : []));
  const allLanguages = knownIds(languages, (l) => l.code);
  if (allLanguages) {
    if (guide.sourceLanguage && !allLanguages.has(guide.sourceLanguage)) {
      report(['sourceLanguage'], `source language "${guide.sourceLanguage}" is not in the language list`);
    }
    for (const code of consultantLanguages) {
      if (!allLanguages.has(code)) report(['languages'], `missing language "${code}": every guide needs nb and en, the consultant's languages`);
    }
  }
  const consultantRequired = consultantLanguages.filter((code) => languageCodes.includes(code));

  const requireLanguages = (text: Record<string, string | undefined> | undefined, path: Path, required: readonly string[]) => {
    if (!text) return;
    for (const code of required) {
      if (!(code in text)) report([...path, code], `missing ${code} translation`);
    }
    if (!allLanguages) return;
    for (const code of Object.keys(text)) {
      if (!allLanguages.has(code)) report([...path, code], `language "${code}" is not in the guide's language list`);
    }
  };

  requireLanguages(guide.title, ['title'], languageCodes);
  requireLanguages(guide.description, ['description'], languageCodes);
  legalReferences.forEach((ref, i) => requireLanguages(ref?.title, ['legalReferences', i, 'title'], consultantRequired));

  scales.forEach((scale, s) => {
    const points = scale?.points;
    if (!points) return;
    const values = points.map((p) => p?.value);
    duplicates(values.map((v) => (v === undefined ? undefined : String(v))), (p) => ['scales', s, 'points', p, 'value'], 'scale value');
    const complete = values.every((v) => v !== undefined) && new Set(values).size === values.length;
    if (complete && values.some((v, i) => i > 0 && v !== values[i - 1]! + 1)) {
      report(['scales', s, 'points'], 'scale values must rise by one from point to point, e.g. 1, 2, 3, 4, 5');
    }
    points.forEach((point, p) => requireLanguages(point?.label, ['scales', s, 'points', p, 'label'], languageCodes));
  });

  const legalIds = knownIds(guide.legalReferences, (r) => r.id);
  const factorIds = knownIds(guide.factors, (f) => f.id);
  const scaleIds = knownIds(guide.scales, (sc) => sc.id);
  const moduleIds = knownIds(guide.modules ?? [], (m) => m.id);

  modules.forEach((module, m) => {
    requireLanguages(module?.title, ['modules', m, 'title'], consultantRequired);
    requireLanguages(module?.description, ['modules', m, 'description'], consultantRequired);
  });

  factors.forEach((factor, f) => {
    if (!factor) return;
    requireLanguages(factor.title, ['factors', f, 'title'], languageCodes);
    requireLanguages(factor.description, ['factors', f, 'description'], languageCodes);
    factor.legalBasis?.forEach((ref, r) => {
      if (legalIds && ref !== undefined && !legalIds.has(ref)) report(['factors', f, 'legalBasis', r], `unknown legal reference "${ref}"`);
    });
    const measures = factor.measures ?? [];
    duplicates(measures.map((m) => m?.id), (m) => ['factors', f, 'measures', m, 'id'], 'measure id');
    measures.forEach((measure, m) => requireLanguages(measure?.text, ['factors', f, 'measures', m, 'text'], consultantRequired));
  });

  items.forEach((item, i) => {
    if (!item) return;
    if (factorIds && item.factor !== undefined && !factorIds.has(item.factor)) report(['items', i, 'factor'], `unknown factor "${item.factor}"`);
    if (scaleIds && item.scale !== undefined && !scaleIds.has(item.scale)) report(['items', i, 'scale'], `unknown scale "${item.scale}"`);
    if (moduleIds && item.module !== undefined && !moduleIds.has(item.module)) report(['items', i, 'module'], `unknown module "${item.module}"`);
    requireLanguages(item.text, ['items', i, 'text'], languageCodes);
    item.followUp?.forEach((prompt, p) => requireLanguages(prompt, ['items', i, 'followUp', p], consultantRequired));
  });

  for (const [code, statuses] of Object.entries(guide.textStatus ?? {})) {
    if (allLanguages && !allLanguages.has(code)) report(['textStatus', code], `language "${code}" is not in the guide's language list`);
    for (const [key, entry] of Object.entries(statuses ?? {})) {
      if (entry?.status !== 'reviewed') continue;
      if (!entry.reviewedBy || !entry.reviewedOn) report(['textStatus', code, key], 'a reviewed text needs reviewedBy and reviewedOn');
    }
  }
  for (const code of Object.keys(guide.terms ?? {})) {
    if (allLanguages && !allLanguages.has(code)) report(['terms', code], `language "${code}" is not in the guide's language list`);
  }

  const scoredFactors = knownIds(guide.items, (item) => item.factor);
  if (scoredFactors) {
    factors.forEach((factor, f) => {
      if (factor?.id !== undefined && !scoredFactors.has(factor.id)) report(['factors', f], `factor "${factor.id}" has no items`);
    });
  }
}

export const guideSchema = guideShape.superRefine(checkGuideReferences, { when: () => true });

export type Guide = z.infer<typeof guideSchema>;
export type GuideFactor = Guide['factors'][number];
export type GuideItem = Guide['items'][number];
export type GuideScale = Guide['scales'][number];
export type GuideTranslation = Guide['languages'][number];
export type GuideModule = NonNullable<Guide['modules']>[number];
export type GuideTerm = NonNullable<Guide['terms']>[string][number];
export type TextStatus = NonNullable<Guide['textStatus']>[string][string];
export type LocalizedText = Record<string, string>;

/** A text in the wanted language, else the source language, else whatever there is. */
export function localize(text: LocalizedText, language: string, fallback = 'nb'): string {
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
