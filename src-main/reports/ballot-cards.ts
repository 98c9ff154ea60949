// Paper ballot cards for a private round: per language, one card per participant and sensitive
// item, several to an A4 page, with the question, a box per answer and the item's short code.
import type { Guide, GuideItem } from '../core/guide';
import { localize } from '../core/guide';
import { indexGuide } from '../core/guide-index';
import { textDirection } from '../core/languages';
import { ballotItemCode, ballotSymbol } from '../core/private-answering';
import type { DocumentBlock, ReportDocument, TableBlock, TextRun } from './model';

/** Three cards fit on an A4 page with a five-point scale; a page break keeps each card whole. */
const cardsPerPage = 3;
/** More cards than this per item is a typing mistake in the number present, not a group. */
export const maxBallotCopies = 60;

export interface BallotCardRequest {
  guide: Guide;
  items: readonly GuideItem[];
  language: string;
  /** Cards per item: one per participant. */
  copies: number;
  /** Shown in the footer, e.g. the group's name. */
  groupName: string;
}

/** The guide's instruction in the card's language, on the card itself since cards are cut apart
 * before they are handed out; a guide without one has the footer's Norwegian and English only. */
function instructionRuns(guide: Guide, language: string): TextRun[] {
  const instruction = guide.ballotTexts?.instruction;
  return instruction ? [{ text: `\n${localize(instruction, language)}`, italic: true }] : [];
}

function card(request: BallotCardRequest, item: GuideItem): TableBlock {
  const { guide, language } = request;
  const dir = textDirection(language);
  const scale = indexGuide(guide).scaleOf(item);
  const both = (text: Record<string, string>) => {
    const own = localize(text, language);
    const norwegian = localize(text, 'nb');
    return own === norwegian ? own : `${own} (${norwegian})`;
  };
  const answers = scale.points.map((point, i) => `${ballotSymbol(i)}  ${point.value}  ${both(point.label)}`);
  if (scale.dontKnowLabel) answers.push(`?  ${both(scale.dontKnowLabel)}`);
  return {
    kind: 'table',
    lang: language,
    dir,
    layout: 'grid',
    keepTogether: true,
    columns: [
      { header: [{ text: ballotItemCode(guide, item.id), lang: 'en', dir: 'ltr' }], width: 1.2, align: 'center' },
      { header: [{ text: localize(item.text, language) }, ...instructionRuns(guide, language)], width: 10 },
    ],
    rows: answers.map((answer) => [{ runs: [{ text: ' ' }] }, { runs: [{ text: answer }] }]),
  };
}

export function buildBallotCards(request: BallotCardRequest): ReportDocument {
  const copies = Math.min(maxBallotCopies, Math.max(1, Math.floor(request.copies)));
  const blocks: DocumentBlock[] = [];
  let onPage = 0;
  for (const item of request.items) {
    for (let copy = 0; copy < copies; copy += 1) {
      if (onPage === cardsPerPage) {
        blocks.push({ kind: 'pageBreak' });
        onPage = 0;
      }
      blocks.push(card(request, item));
      onPage += 1;
    }
  }
  return {
    title: `Stemmekort / Ballot cards (${request.language})`,
    reportNumber: '',
    revision: 1,
    lang: request.language,
    dir: textDirection(request.language),
    page: { size: 'A4', orientation: 'portrait', margins: { top: 15, right: 15, bottom: 15, left: 15 } },
    header: '',
    footer: `${request.groupName} · Kryss av ett svar. Ikke skriv navn. / Tick one answer. Do not write your name. · {page}/{pages}`,
    accentColour: '#1f3a5f',
    draftMark: null,
    blocks,
  };
}
