// Which column is which item, from its heading as survey tools write it: item ids, item texts in any of the
// guide's languages (numbered "Q5." or "5.3", or as one row of a grid question "<stem> [<item>]" or "<stem> - <item>"),
// the usual group, language and timestamp columns; close matches are only suggested, never mapped.
import type { Guide } from './guide';
import type { ColumnTarget, TargetSource } from './survey-mapping';

/** Headings as people write them: case, spacing, numbering ("1.", "Q3:", "5.3") and a final "?" do not matter. */
export function foldHeading(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('nb')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:q|spm\.?|spørsmål|question)?\s*\d{1,3}(?:\.\d{1,3})*\s*[.):-]?\s+/u, '')
    .replace(/[\s?.:!]+$/u, '')
    .trim();
}

type MetaTarget = 'group' | 'language' | 'date';

const metaHeadings: Record<MetaTarget, string[]> = {
  group: ['gruppe', 'group', 'avdeling', 'department', 'team', 'skift', 'shift', 'enhet', 'unit', 'arbeidssted', 'site', 'arbeidsgruppe', 'work group'],
  language: ['språk', 'sprak', 'language', 'lang', 'språkkode', 'language code', 'svarspråk', 'response language', 'språkvalg'],
  // Best first: when a file has several, the time the answers were handed in is the answer date, not when the form was opened.
  date: [
    'fullføringstidspunkt', // Microsoft Forms, Norwegian
    'completion time', // Microsoft Forms, English
    'tidsmerke', // Google Forms, Norwegian
    'timestamp', // Google Forms, English
    'tidsstempel',
    'svardato',
    'svartidspunkt',
    'response date',
    'submitted',
    'submitted at',
    'submit date',
    'submitdate',
    'date submitted',
    'innsendt',
    'innsendt dato',
    'besvart',
    'besvart dato',
    'fullført',
    'completed',
    'completed at',
    'completed date',
    'end date',
    'enddate',
    'end time',
    'endtime',
    'sluttid',
    'sluttidspunkt',
    'closetime', // SurveyXact
    'statclosetime',
    'answered',
    'dato',
    'date',
    'tidspunkt',
    'starttidspunkt', // Microsoft Forms, when nothing says when the form was handed in
    'start time',
    'starttid',
    'start date',
    'startdate',
    'starttime',
    'statstarttime',
  ],
};

export interface HeadingSuggestion {
  target: ColumnTarget;
  /** How alike the heading and the item text are, 0–1. */
  confidence: number;
}

export interface SuggestedTarget {
  target: ColumnTarget;
  source: TargetSource;
  /** A close but not exact match: shown to the consultant, used only when confirmed. */
  suggestion: HeadingSuggestion | null;
}

/** Below this, a heading is not offered as a likely item at all. */
export const minSuggestionConfidence = 0.6;

export function isColumnTarget(guide: Guide, target: string): target is ColumnTarget {
  if (target === 'ignore' || target === 'group' || target === 'language' || target === 'date') return true;
  return target.startsWith('item:') && guide.items.some((item) => item.id === target.slice('item:'.length));
}

/** An item id at the start ("workload.1 – Jeg har …", as the template writes it) or in brackets at the end ("… (workload.1)"). */
function itemIdIn(header: string, byId: ReadonlyMap<string, string>): string | undefined {
  const text = header.trim().toLocaleLowerCase('nb');
  const whole = byId.get(text);
  if (whole) return whole;
  // The first word, as "[role-clarity.1]" or "role-clarity.1:" too (ids may hold hyphens and dots).
  const leading = text.split(/\s/u)[0].replace(/^\[|[\]:]+$/gu, '');
  if (byId.has(leading)) return byId.get(leading);
  const trailing = /[([]([^\s()[\]]+)[)\]]\s*$/u.exec(text);
  if (trailing && byId.has(trailing[1])) return byId.get(trailing[1]);
  return undefined;
}

/**
 * The item part of a grid heading: "<stem> [<item>]" (Google Forms) or what follows "<stem> - ". Loosely, for
 * suggestions only, also what follows "<stem>: " or "<stem>." (a free-text "Comment: <item>" must not map itself).
 */
function gridParts(header: string, loose = false): string[] {
  const parts: string[] = [];
  const bracket = /\[([^[\]]+)\]\s*$/u.exec(header);
  if (bracket) parts.push(bracket[1]);
  for (const separator of loose ? [/\s[-–—]\s/gu, /:\s/gu, /\.\s?/gu] : [/\s[-–—]\s/gu]) {
    for (const match of header.matchAll(separator)) parts.push(header.slice(match.index + match[0].length));
  }
  return parts.map(foldHeading).filter((part) => part.length >= 8);
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const pair = padded.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Sørensen–Dice over character pairs: 1 for the same text, near 1 for a typo or a changed word, low for another sentence. */
export function headingSimilarity(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [pair, count] of a) {
    shared += Math.min(count, b.get(pair) ?? 0);
    total += count;
  }
  for (const count of b.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** A target for every column: a saved mapping first, then the item id, the item's text in any language, a known heading. */
export function suggestTargets(guide: Guide, headers: readonly string[], saved: ReadonlyMap<string, string>): SuggestedTarget[] {
  const byId = new Map(guide.items.map((item) => [item.id.toLocaleLowerCase('nb'), item.id]));
  const byText = new Map<string, string>();
  for (const item of guide.items) {
    for (const text of Object.values(item.text)) byText.set(foldHeading(text), item.id);
  }
  const taken = new Set<ColumnTarget>();
  const claim = (target: ColumnTarget, source: TargetSource): SuggestedTarget => {
    // A target is given to the first column only; a second "group" column or a repeated item is left for the consultant.
    if (taken.has(target)) return { target: 'ignore', source: 'none', suggestion: null };
    taken.add(target);
    return { target, source, suggestion: null };
  };
  const exact = (header: string): { target: ColumnTarget; source: TargetSource } | null => {
    const folded = foldHeading(header);
    const remembered = saved.get(folded);
    if (remembered !== undefined && isColumnTarget(guide, remembered)) return { target: remembered, source: 'saved' };
    const itemId = itemIdIn(header, byId);
    if (itemId) return { target: `item:${itemId}`, source: 'itemId' };
    const textItem = byText.get(folded) ?? gridParts(header).map((part) => byText.get(part)).find((id) => id !== undefined);
    if (textItem) return { target: `item:${textItem}`, source: 'itemText' };
    for (const kind of ['group', 'language'] as const) if (metaHeadings[kind].includes(folded)) return { target: kind, source: 'heading' };
    return null;
  };

  const found = headers.map(exact);
  const dateRank = headers.map((header) => metaHeadings.date.indexOf(foldHeading(header)));
  const best = Math.min(...dateRank.filter((rank) => rank >= 0));
  const dateColumn = dateRank.findIndex((rank) => rank === best);
  const targets = headers.map((_header, index) => {
    const match = found[index];
    if (match) return claim(match.target, match.source);
    if (index === dateColumn) return claim('date', 'heading');
    return { target: 'ignore' as const, source: 'none' as const, suggestion: null };
  });
  // A column whose exact match another column took (the same question twice) is left to the consultant, not guessed at.
  addCloseMatches(guide, headers, targets, taken, (index) => found[index] === null);
  return targets;
}

/** For each column nothing matched exactly: the most alike item text not already mapped, when alike enough. */
function addCloseMatches(
  guide: Guide,
  headers: readonly string[],
  targets: SuggestedTarget[],
  taken: ReadonlySet<ColumnTarget>,
  open: (index: number) => boolean,
): void {
  const texts = guide.items
    .filter((item) => !taken.has(`item:${item.id}`))
    .flatMap((item) => Object.values(item.text).map((text) => ({ itemId: item.id, pairs: bigrams(foldHeading(text)) })));
  if (texts.length === 0) return;
  headers.forEach((header, index) => {
    if (targets[index].source !== 'none' || !open(index)) return;
    const candidates = [foldHeading(header), ...gridParts(header, true)].filter((text) => text.length >= 8);
    let bestScore = 0;
    let bestItem: string | null = null;
    for (const candidate of candidates) {
      const pairs = bigrams(candidate);
      for (const text of texts) {
        const score = headingSimilarity(pairs, text.pairs);
        if (score > bestScore) [bestScore, bestItem] = [score, text.itemId];
      }
    }
    if (bestItem && bestScore >= minSuggestionConfidence) {
      targets[index] = { ...targets[index], suggestion: { target: `item:${bestItem}`, confidence: Math.round(bestScore * 100) / 100 } };
    }
  });
}
