// A survey to start from, for any guide: a CSV or XLSX whose headings Kartlegg maps by themselves ("<item id> – <text>"),
// with the scales explained, and a question list to build the same survey in Microsoft Forms or Google Forms.
import ExcelJS from 'exceljs';
import { localize, type Guide } from '../core/guide';
import { findLanguage } from '../core/language-table';
import { knownLanguages } from '../core/languages';
import { columnLetter } from '../core/survey-mapping';
import { resultsCsv } from './results-export';

/** The words a template is written in: Norwegian, as the consultants' respondents in Norway see it first. */
const language = 'nb';
const notApplicableWord = 'Vet ikke';

const metaHeadings = ['Gruppe', 'Språk', 'Dato'];

/** "workload.1 – Jeg har for mye arbeid på en vakt.": the id maps the column, the text tells the person typing what it is. */
export const templateHeading = (guide: Guide, itemId: string) => `${itemId} – ${localize(guide.items.find((item) => item.id === itemId)!.text, language)}`;

export function templateHeadings(guide: Guide): string[] {
  return [...metaHeadings, ...guide.items.map((item) => templateHeading(guide, item.id))];
}

export function surveyTemplateCsv(guide: Guide): Uint8Array {
  return resultsCsv({ headers: templateHeadings(guide), rows: [] }, 'nb');
}

/** The answer options of a scale in the template's language, then "Vet ikke" (read as not applicable). */
export function scaleOptions(guide: Guide, scaleId: string): string[] {
  const scale = guide.scales.find((candidate) => candidate.id === scaleId)!;
  return [...scale.points.map((point) => localize(point.label, language)), notApplicableWord];
}

/** The guide's languages by the name a respondent picks in a form: their own name ("Polski"), which Kartlegg reads back. */
export function languageChoices(guide: Guide): string[] {
  return guide.languages.map(({ code }) => {
    const name = code === 'nb' ? 'Norsk' : (knownLanguages[code]?.nativeName ?? code);
    return findLanguage(name) === code ? name : code;
  });
}

export async function surveyTemplateXlsx(guide: Guide): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kartlegg';
  const answers = workbook.addWorksheet('Svar', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headings = templateHeadings(guide);
  answers.addRow(headings).font = { bold: true };
  answers.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  headings.forEach((_heading, index) => (answers.getColumn(index + 1).width = index < metaHeadings.length ? 14 : 24));
  answers.getColumn(3).numFmt = 'dd.mm.yyyy';
  const rows = 1000;
  const list = (options: string[]) => ({
    type: 'list' as const,
    allowBlank: true,
    // A drop-down to help, not a lock: numbers ("4") and other languages' labels are read too.
    showErrorMessage: false,
    formulae: [`"${options.map((option) => option.replace(/"/g, '""')).join(',')}"`],
  });
  // ExcelJS writes a validation for a whole range, but its types only know cell.dataValidation.
  const validations = (answers as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  // Excel refuses a list longer than 255 characters and splits it at commas; such a column is typed freely.
  const fits = (options: string[]) => options.join(',').length < 250 && !options.some((option) => option.includes(','));
  const languageOptions = languageChoices(guide);
  if (fits(languageOptions)) validations.add(`B2:B${rows + 1}`, list(languageOptions));
  guide.items.forEach((item, index) => {
    const options = scaleOptions(guide, item.scale);
    const letter = columnLetter(metaHeadings.length + index + 1);
    if (fits(options)) validations.add(`${letter}2:${letter}${rows + 1}`, list(options));
  });

  const scales = workbook.addWorksheet('Skalaer');
  scales.addRow(['Slik fyller du ut']).font = { bold: true, size: 13 };
  for (const line of [
    'Én rad per person på arket «Svar». La overskriftene stå som de er: id-en først i hver overskrift kobler kolonnen til spørsmålet.',
    'Svar med tallet eller med svaralternativet (på norsk eller et annet av guidens språk), f.eks. «4» eller «Ofte».',
    `«${notApplicableWord}» og «Ikke aktuelt» teller som ikke aktuelt. En tom celle betyr at personen ikke svarte på spørsmålet.`,
    'Gruppe: avdeling, skift eller arbeidssted. Språk: språkkode (nb, pl …) eller navnet (Norsk, Polski …). Dato: svardatoen.',
    'Skriv aldri navn på den som svarer.',
  ]) {
    scales.addRow([line]);
  }
  scales.addRow([]);
  scales.addRow(['Skala', 'Verdi', 'Svaralternativ', ...guide.languages.filter(({ code }) => code !== language).map(({ code }) => code)]).font = { bold: true };
  for (const scale of guide.scales) {
    for (const point of scale.points) {
      scales.addRow([
        scale.id,
        point.value,
        localize(point.label, language),
        ...guide.languages.filter(({ code }) => code !== language).map(({ code }) => point.label[code] ?? ''),
      ]);
    }
    scales.addRow([scale.id, '', notApplicableWord]);
  }
  scales.getColumn(1).width = 16;
  scales.getColumn(3).width = 28;

  const questions = workbook.addWorksheet('Spørsmål');
  questions.addRow(['Id', 'Faktor', 'Spørsmål', 'Skala']).font = { bold: true };
  for (const item of guide.items) {
    const factor = guide.factors.find((candidate) => candidate.id === item.factor);
    questions.addRow([item.id, factor ? localize(factor.title, language) : item.factor, localize(item.text, language), item.scale]);
  }
  questions.getColumn(2).width = 30;
  questions.getColumn(3).width = 70;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Runs of items of one factor that share a scale: one grid question each. */
export function questionBlocks(guide: Guide): { title: string; options: string[]; questions: string[] }[] {
  const blocks: { factor: string; scale: string; title: string; options: string[]; questions: string[] }[] = [];
  for (const item of guide.items) {
    const last = blocks[blocks.length - 1];
    const text = localize(item.text, language);
    if (last && last.factor === item.factor && last.scale === item.scale) {
      last.questions.push(text);
      continue;
    }
    const factor = guide.factors.find((candidate) => candidate.id === item.factor);
    const base = factor ? localize(factor.title, language) : item.factor;
    const repeats = blocks.filter((block) => block.factor === item.factor).length;
    blocks.push({ factor: item.factor, scale: item.scale, title: repeats ? `${base} (${repeats + 1})` : base, options: scaleOptions(guide, item.scale), questions: [text] });
  }
  return blocks.map(({ title, options, questions }) => ({ title, options, questions }));
}

/** A question list in plain text to build the survey from by hand in Microsoft Forms or Google Forms. */
export function surveyFormsQuestions(guide: Guide): Uint8Array {
  const lines = [
    `Spørreskjema: ${localize(guide.title, language)} (${guide.id} ${guide.version})`,
    '',
    'Lag skjemaet med nøyaktig disse titlene og svaralternativene, så kobler Kartlegg svarene til spørsmålene av seg selv.',
    'Spør aldri om navn eller e-post. I Microsoft Forms: slå av «Registrer navn».',
    '',
    'Google Forms: lag ett «Rutenett med flervalg» per blokk: blokkens navn som tittel, spørsmålene som rader og',
    'svaralternativene som kolonner. Eksporten får overskriftene «Blokk [Spørsmål]», som Kartlegg leser.',
    'Microsoft Forms: lag ett «Valg»-spørsmål per spørsmål, med spørsmålsteksten som tittel og svaralternativene som valg.',
    '',
    'Spørsmål: Gruppe (valg: avdelingene, skiftene eller arbeidsstedene dere vil se resultater for)',
    `Spørsmål: Språk (valg: ${languageChoices(guide).join(', ')})`,
    '',
  ];
  for (const block of questionBlocks(guide)) {
    lines.push(`Blokk: ${block.title}`, `Svaralternativer: ${block.options.join(' | ')}`, ...block.questions.map((question) => `- ${question}`), '');
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}
