// A guide's texts in one language as CSV (for a spreadsheet), and such a file read back.
import { parse as parseCsv } from 'csv-parse/sync';
import type { Guide } from '../core/guide';
import { textsInLanguage, textStatusOf, translationSourceLanguage } from '../core/guide-texts';
import { languageCodePattern } from '../core/languages';
import { termsUsedIn } from '../core/translation-review';
import { parseTranslationFileId, translationFileId, type TranslationRead } from './translation-xliff';

const fixedColumns = ['guide', 'key', 'context', 'terms', 'status'] as const;

/** Texts are kept exactly: no formula guard, since a prefix would change the translation itself. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Columns guide, key, context, terms, status, then the Norwegian source and the translation,
 * headed by their language codes; comma-separated UTF-8 with a byte order mark for spreadsheets. */
export function guideToCsv(guide: Guide, language: string): string {
  const terms = guide.terms?.[language] ?? [];
  const rows = textsInLanguage(guide, language).map((text) => {
    const status = textStatusOf(guide, language, text.key);
    const source = text.text[translationSourceLanguage];
    return [
      translationFileId(guide),
      text.key,
      text.context,
      termsUsedIn(terms, source)
        .map((term) => `${term.term} = ${term.translation}`)
        .join('; '),
      status.status === 'reviewed' ? `reviewed by ${status.reviewedBy ?? ''} on ${status.reviewedOn ?? ''}` : 'draft',
      source,
      text.text[language],
    ];
  });
  const lines = [[...fixedColumns, translationSourceLanguage, language], ...rows].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function readTranslationCsv(text: string): TranslationRead {
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    return { ok: false, problems: [`the file is not readable CSV: ${(error as Error).message.split('\n')[0]}`] };
  }
  const [header = [], ...rows] = records;
  const column = (name: string) => header.indexOf(name);
  const missing = ['guide', 'key', translationSourceLanguage].filter((name) => column(name) < 0);
  const languages = header.filter((name) => languageCodePattern.test(name) && name !== translationSourceLanguage && !(fixedColumns as readonly string[]).includes(name));
  const problems: string[] = [];
  if (missing.length) problems.push(`the header row lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
  if (languages.length !== 1) problems.push(`the header row must name one target language column besides nb; it names ${languages.length ? languages.join(', ') : 'none'}`);
  const guides = [...new Set(rows.map((row) => row[column('guide')] ?? ''))];
  if (!missing.length && guides.length > 1) problems.push(`the rows name more than one guide: ${guides.join(', ')}`);
  const guideRef = guides.length === 1 ? parseTranslationFileId(guides[0]) : null;
  if (!missing.length && guides.length <= 1 && !guideRef) problems.push('the guide column does not name a guide and version (such as "psychosocial-cleaning@1.0.0")');
  if (problems.length || !guideRef) return { ok: false, problems };

  const targetLanguage = languages[0];
  const units = rows.map((row) => ({
    id: row[column('key')] ?? '',
    source: row[column(translationSourceLanguage)] ?? '',
    target: row[column(targetLanguage)] ?? '',
  }));
  return { ok: true, file: { ...guideRef, sourceLanguage: translationSourceLanguage, targetLanguage, units } };
}

