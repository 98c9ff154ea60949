// A guide's texts in one language as XLIFF 2.0 (what translation tools read), and such a file read back.
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { escapeXml } from '../core/charts/svg';
import type { Guide } from '../core/guide';
import { textsInLanguage, textStatusOf, translationSourceLanguage } from '../core/guide-texts';
import { termsUsedIn, type TranslationFile, type TranslationUnit } from '../core/translation-review';

export const xliffNamespace = 'urn:oasis:names:tc:xliff:document:2.0';
export const glossaryNamespace = 'urn:oasis:names:tc:xliff:glossary:2.0';

/** The guide's id and version as the CLI names them ("psychosocial-cleaning@1.0.0"), in the CSV's guide column. */
export const translationFileId = (guide: Pick<Guide, 'id' | 'version'>) => `${guide.id}@${guide.version}`;

/** The same in the XLIFF <file> id, which must be an XML name token (no "@"); neither ids nor
 * versions hold a ":", so it separates them unambiguously. */
const xliffFileId = (guide: Pick<Guide, 'id' | 'version'>) => `${guide.id}:${guide.version}`;

export function parseTranslationFileId(fileId: string): { guideId: string; guideVersion: string } | null {
  const at = Math.max(fileId.lastIndexOf('@'), fileId.lastIndexOf(':'));
  return at > 0 && at < fileId.length - 1 ? { guideId: fileId.slice(0, at), guideVersion: fileId.slice(at + 1) } : null;
}

const note = (category: string, text: string) => `<note category="${category}">${escapeXml(text)}</note>`;

export function guideToXliff(guide: Guide, language: string): string {
  const terms = guide.terms?.[language] ?? [];
  const units = textsInLanguage(guide, language).map((text) => {
    const source = text.text[translationSourceLanguage];
    const target = text.text[language];
    const status = textStatusOf(guide, language, text.key);
    const notes = [
      note('context', text.context),
      note('status', status.status === 'reviewed' ? `reviewed by ${status.reviewedBy ?? ''} on ${status.reviewedOn ?? ''}` : 'draft'),
    ];
    // The agreed terms this text uses, where a translation tool shows them beside the segment.
    // Module elements come first in a unit (XLIFF 2.0 schema: modules, notes, segments).
    const used = termsUsedIn(terms, source);
    const glossary = used.length
      ? `      <gls:glossary>${used
          .map((term) => `<gls:glossEntry><gls:term>${escapeXml(term.term)}</gls:term><gls:translation>${escapeXml(term.translation)}</gls:translation></gls:glossEntry>`)
          .join('')}</gls:glossary>\n`
      : '';
    return `    <unit id="${escapeXml(text.key)}">
${glossary}      <notes>${notes.join('')}</notes>
      <segment state="${status.status === 'reviewed' ? 'reviewed' : 'translated'}">
        <source>${escapeXml(source)}</source>
        <target>${escapeXml(target)}</target>
      </segment>
    </unit>`;
  });
  const termNotes = terms.map((term) => note('term', `${term.term} = ${term.translation}`)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="${xliffNamespace}" xmlns:gls="${glossaryNamespace}" version="2.0" srcLang="${translationSourceLanguage}" trgLang="${escapeXml(language)}">
  <file id="${escapeXml(xliffFileId(guide))}" original="${escapeXml(translationFileId(guide))}">
    <notes>${note('guide', guide.title[translationSourceLanguage] ?? guide.id)}${termNotes}</notes>
${units.join('\n')}
  </file>
</xliff>
`;
}

export type TranslationRead = { ok: true; file: TranslationFile } | { ok: false; problems: string[] };

const children = (parent: XmlElement, name: string): XmlElement[] =>
  Array.from(parent.childNodes).filter((node): node is XmlElement => node.nodeType === 1 && (node as XmlElement).localName === name && (node as XmlElement).namespaceURI === xliffNamespace);

/** Reads the file's guide, languages and units; the problems that make it no XLIFF 2.0 translation of a guide otherwise. */
export function readXliff(text: string): TranslationRead {
  let root: XmlElement | null;
  try {
    const document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
    root = document.documentElement;
  } catch (error) {
    return { ok: false, problems: [`the file is not well-formed XML: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (!root || root.localName !== 'xliff' || root.namespaceURI !== xliffNamespace) {
    return { ok: false, problems: [`the file is not XLIFF 2.0 (the root element must be <xliff> in ${xliffNamespace})`] };
  }
  const problems: string[] = [];
  if (root.getAttribute('version') !== '2.0') problems.push(`the XLIFF version is "${root.getAttribute('version') ?? ''}", not 2.0`);
  const targetLanguage = root.getAttribute('trgLang') ?? '';
  if (!targetLanguage) problems.push('the file names no target language (trgLang)');
  const files = children(root, 'file');
  if (files.length !== 1) problems.push(`the file must hold one guide (one <file>), it holds ${files.length}`);
  const guideRef = files.length ? parseTranslationFileId(files[0].getAttribute('id') ?? '') : null;
  if (files.length === 1 && !guideRef) problems.push('the <file> id does not name a guide and version (such as "psychosocial-cleaning:1.0.0")');
  if (problems.length || !guideRef) return { ok: false, problems };

  const units: TranslationUnit[] = children(files[0], 'unit').map((unit) => {
    const segments = children(unit, 'segment');
    const part = (name: string) => segments.map((segment) => children(segment, name).map((el) => el.textContent ?? '').join('')).join('');
    return { id: unit.getAttribute('id') ?? '', source: part('source'), target: part('target') };
  });
  return { ok: true, file: { ...guideRef, sourceLanguage: root.getAttribute('srcLang') ?? '', targetLanguage, units } };
}
