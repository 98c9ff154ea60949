// The interview guide format: one zod schema for the files in templates/interviews, with the
// cross-checks (ids, references, translations) that a shape alone cannot express.
import { z } from 'zod';
import { languageCodePattern } from './languages';

export { localize, type LocalizedText } from './localize';

/** The newest format; guides in an older format still load and score as they always did. */
export const guideFormat = 'kartlegg-guide/2';
export const guideFormats = ['kartlegg-guide/1', guideFormat] as const;

/** Scale kinds with a meaning of their own in scoring: an event scale counts exposure (any answer
 * above the lowest value), a knowledge scale counts "Ja" (value 1) and has no 0–100 score. */
export const scaleKinds = ['frequency', 'agreement', 'intensity', 'other', 'event', 'knowledge'] as const;
export type ScaleKind = (typeof scaleKinds)[number];

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
    kind: z
      .enum(scaleKinds)
      .describe(
        'event: the last 12 months, 1 = never ... 5 = daily, exposure is any answer above 1; knowledge: 1 = yes, 2 = no, 3 = unsure, reported as counts of "yes"',
      ),
    points: z.array(scalePointSchema).min(2).max(9).describe('From the lowest value to the highest, rising by one'),
    dontKnowLabel: localizedText
      .optional()
      .describe('Offer a "Don\'t know" answer with this label; it is stored as not applicable and counts as unanswered'),
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

const guidanceStepsSchema = z.array(localizedText).min(3).max(5);

const factorGuidanceSchema = z
  .object({
    meaning: localizedText.describe('What the factor means in a cleaning company'),
    law: localizedText.describe('What the law requires, with the citations in words'),
    employerSteps: guidanceStepsSchema.describe('3–5 concrete steps for the employer or manager, who is responsible'),
    safetyRepresentativeSteps: guidanceStepsSchema.describe('3–5 concrete steps for the safety representative (verneombud)'),
  })
  .strict()
  .meta({ id: 'GuideFactorGuidance' });

/** An optional part of a guide chosen when an assessment is planned; items without a module are the core set. */
const moduleSchema = z
  .object({
    id,
    title: localizedText,
    description: localizedText.optional(),
  })
  .strict();

/** What a participant reads in a private round (guide format 2), in every listed language since
 * respondents read it: on the paper ballot card and on the screen's ballot. */
const ballotTextsSchema = z
  .object({
    instruction: localizedText.describe('On every paper ballot card: tick one answer, no name, fold it into the envelope'),
    yourTurn: localizedText.describe('On the screen before each participant: your turn, press your language'),
    chooseOne: localizedText.describe('On the screen under the question: press one answer, nobody else sees it'),
    thanks: localizedText.describe('On the screen after a vote: thank you, pass it on'),
    next: localizedText.describe('On the screen after a vote: the button that hands over to the next person'),
    allAnswered: localizedText.describe('On the screen when everyone present has answered: the consultant closes the round'),
  })
  .strict()
  .meta({ id: 'GuideBallotTexts' });

const termSchema = z
  .object({
    term: z.string().trim().min(1).max(200).describe('The Norwegian term, e.g. "verneombud"'),
    translation: z.string().trim().min(1).max(400).describe('How every text in this language renders it'),
  })
  .strict();

const factorSchema = z
  .object({
    id,
    title: localizedText,
    description: localizedText,
    hazard: localizedText
      .optional()
      .describe('For the consultant and the reports (nb and en): the hazard in the third person, e.g. "Ansatte opplever at arbeidsmengden er større enn tiden tillater"'),
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
    guidance: factorGuidanceSchema.optional().describe('What the factor means, what the law requires and what the employer and the safety representative can do (nb and en)'),
  })
  .strict();

const itemSchema = z
  .object({
    id,
    factor: id.describe('The id of the factor this item scores'),
    scale: id.describe('The id of the answer scale'),
    module: id.optional().describe('The id of the optional module the item belongs to; without it the item is in the core set'),
    text: localizedText,
    reverse: z.boolean().default(false).describe('Score the item upside down (highest answer counts as lowest)'),
    followUp: z.array(localizedText).default([]).describe('Prompts for the consultant, never shown to respondents'),
    exposure: z
      .boolean()
      .optional()
      .describe('Harassment, bullying, discrimination, violence or threats: counted as exposed people, and any exposure makes the factor red. Only on an event scale'),
    sensitive: z.boolean().optional().describe('Answered in a private round (ballot), never by show of hands'),
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

/** A guide's version: 1.0, 1.2.3, or with a fourth number for a reviewed translation. */
export const guideVersionPattern = /^\d+\.\d+(\.\d+){0,2}$/;

/** The structure alone, without the cross-checks: the JSON Schema is generated from this. */
export const guideShape = z
  .object({
    format: z.enum(guideFormats),
    id,
    // A fourth number marks a reviewed translation imported over the version of the first three.
    version: z.string().regex(guideVersionPattern, 'use a version such as 1.0 or 1.2.3'),
    title: localizedText,
    description: localizedText,
    sourceLanguage: languageCode.describe('The language the guide was written in; one of the listed languages'),
    languages: z.array(translationSchema).min(1),
    legalReferences: z.array(legalReferenceSchema).default([]),
    scales: z.array(scaleSchema).min(1),
    factors: z.array(factorSchema).min(1),
    items: z.array(itemSchema).min(1),
    modules: z.array(moduleSchema).optional().describe('Optional modules chosen when an assessment is planned'),
    rightsInfo: z
      .array(localizedText)
      .optional()
      .describe('"Your rights and who you can talk to", for the employee summary, in every listed language'),
    ballotTexts: ballotTextsSchema
      .optional()
      .describe("The private round's instructions for participants, in every listed language; without them the app's own Norwegian and English texts are used"),
    terms: z
      .record(languageCode, z.array(termSchema))
      .optional()
      .describe('Per language the fixed renderings of key terms (verneombud, tillitsvalgt, BHT, RVO, scale labels)'),
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
    if (scale?.kind === 'knowledge' && complete && (values.length !== 3 || values[0] !== 1)) {
      report(['scales', s, 'points'], 'a knowledge scale has exactly three points: 1 = yes, 2 = no, 3 = unsure');
    }
    requireLanguages(scale?.dontKnowLabel, ['scales', s, 'dontKnowLabel'], languageCodes);
  });

  const legalIds = knownIds(guide.legalReferences, (r) => r.id);
  const factorIds = knownIds(guide.factors, (f) => f.id);
  const scaleIds = knownIds(guide.scales, (sc) => sc.id);

  factors.forEach((factor, f) => {
    if (!factor) return;
    requireLanguages(factor.title, ['factors', f, 'title'], languageCodes);
    requireLanguages(factor.description, ['factors', f, 'description'], languageCodes);
    requireLanguages(factor.hazard, ['factors', f, 'hazard'], consultantRequired);
    factor.legalBasis?.forEach((ref, r) => {
      if (legalIds && ref !== undefined && !legalIds.has(ref)) report(['factors', f, 'legalBasis', r], `unknown legal reference "${ref}"`);
    });
    const measures = factor.measures ?? [];
    duplicates(measures.map((m) => m?.id), (m) => ['factors', f, 'measures', m, 'id'], 'measure id');
    measures.forEach((measure, m) => requireLanguages(measure?.text, ['factors', f, 'measures', m, 'text'], consultantRequired));
  });

  const scaleKindById = new Map(scales.flatMap((scale) => (scale?.id && scale.kind ? [[scale.id, scale.kind] as const] : [])));

  items.forEach((item, i) => {
    if (!item) return;
    const kind = item.scale === undefined ? undefined : scaleKindById.get(item.scale);
    if (item.exposure === true && kind !== undefined && kind !== 'event') {
      report(['items', i, 'exposure'], `an exposure item needs an event scale; scale "${item.scale}" is a ${kind} scale`);
    }
    if (factorIds && item.factor !== undefined && !factorIds.has(item.factor)) report(['items', i, 'factor'], `unknown factor "${item.factor}"`);
    if (scaleIds && item.scale !== undefined && !scaleIds.has(item.scale)) report(['items', i, 'scale'], `unknown scale "${item.scale}"`);
    requireLanguages(item.text, ['items', i, 'text'], languageCodes);
    item.followUp?.forEach((prompt, p) => requireLanguages(prompt, ['items', i, 'followUp', p], consultantRequired));
  });

  checkGuideV2Content(guide, { report, duplicates, requireLanguages, languageCodes, consultantRequired, allLanguages });
  for (const [code, statuses] of Object.entries(guide.textStatus ?? {})) {
    if (allLanguages && !allLanguages.has(code)) report(['textStatus', code], `language "${code}" is not in the guide's language list`);
    for (const [key, entry] of Object.entries(statuses ?? {})) {
      if (entry?.status !== 'reviewed') continue;
      if (!entry.reviewedBy || !entry.reviewedOn) report(['textStatus', code, key], 'a reviewed text needs reviewedBy and reviewedOn');
    }
  }

  const scoredFactors = knownIds(guide.items, (item) => item.factor);
  if (scoredFactors) {
    factors.forEach((factor, f) => {
      if (factor?.id !== undefined && !scoredFactors.has(factor.id)) report(['factors', f], `factor "${factor.id}" has no items`);
    });
  }
}

interface CheckTools {
  report: (path: Path, message: string) => void;
  duplicates: (values: (string | undefined)[], path: (index: number) => Path, what: string) => void;
  requireLanguages: (text: Record<string, string | undefined> | undefined, path: Path, required: readonly string[]) => void;
  languageCodes: string[];
  consultantRequired: string[];
  allLanguages: Set<string> | undefined;
}

/** Modules, guidance, rights information and term lists (format 2 content). */
function checkGuideV2Content(guide: Salvaged<GuideShape>, tools: CheckTools): void {
  const { report, duplicates, requireLanguages, languageCodes, consultantRequired, allLanguages } = tools;
  const modules = guide.modules ?? [];
  const items = guide.items ?? [];

  duplicates(modules.map((m) => m?.id), (i) => ['modules', i, 'id'], 'module id');
  modules.forEach((module, m) => {
    requireLanguages(module?.title, ['modules', m, 'title'], consultantRequired);
    requireLanguages(module?.description, ['modules', m, 'description'], consultantRequired);
  });
  const moduleIds = knownIds(guide.modules ?? [], (m) => m.id);
  items.forEach((item, i) => {
    if (item?.module !== undefined && moduleIds && !moduleIds.has(item.module)) report(['items', i, 'module'], `unknown module "${item.module}"`);
  });
  const usedModules = knownIds(guide.items, (item) => item.module ?? '');
  if (usedModules) {
    modules.forEach((module, m) => {
      if (module?.id !== undefined && !usedModules.has(module.id)) report(['modules', m], `module "${module.id}" has no items`);
    });
  }

  (guide.factors ?? []).forEach((factor, f) => {
    if (!factor) return;
    const guidance = factor.guidance;
    if (!guidance) return;
    requireLanguages(guidance.meaning, ['factors', f, 'guidance', 'meaning'], consultantRequired);
    requireLanguages(guidance.law, ['factors', f, 'guidance', 'law'], consultantRequired);
    for (const list of ['employerSteps', 'safetyRepresentativeSteps'] as const) {
      guidance[list]?.forEach((step, s) => requireLanguages(step, ['factors', f, 'guidance', list, s], consultantRequired));
    }
  });

  guide.rightsInfo?.forEach((text, r) => requireLanguages(text, ['rightsInfo', r], languageCodes));
  for (const [field, text] of Object.entries(guide.ballotTexts ?? {})) requireLanguages(text, ['ballotTexts', field], languageCodes);

  for (const [code, terms] of Object.entries(guide.terms ?? {})) {
    if (allLanguages && !allLanguages.has(code)) report(['terms', code], `language "${code}" is not in the guide's language list`);
    duplicates((terms ?? []).map((t) => t?.term), (i) => ['terms', code, i, 'term'], 'term');
  }
}

export const guideSchema = guideShape.superRefine(checkGuideReferences, { when: () => true });

export type Guide = z.infer<typeof guideSchema>;
export type GuideFactor = Guide['factors'][number];
export type GuideItem = Guide['items'][number];
export type GuideScale = Guide['scales'][number];
export type GuideTranslation = Guide['languages'][number];
export type GuideModule = NonNullable<Guide['modules']>[number];
export type GuideFactorGuidance = NonNullable<GuideFactor['guidance']>;
export type GuideTerm = NonNullable<Guide['terms']>[string][number];
export type TextStatus = NonNullable<Guide['textStatus']>[string][string];

/** Harassment, bullying, violence and the like: counted as exposed people (format 2). */
export const isExposureItem = (item: Pick<GuideItem, 'exposure'>): boolean => item.exposure === true;

/** A knowledge scale ("Ja" / "Nei" / "Usikker") is counted, never scored 0–100 (format 2). */
export const isKnowledgeScale = (scale: Pick<GuideScale, 'kind'>): boolean => scale.kind === 'knowledge';
