// Paper ballot cards as a document model: one card per participant and item, three to a page,
// each with the item's code, the question and a box per answer, right to left in Arabic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBallotCards, maxBallotCopies } from '../../src-main/reports/ballot-cards';
import { parseGuide } from '../../src-main/guides/parse-guide';
import type { TableBlock } from '../../src-main/reports/model';

const parsed = parseGuide(readFileSync(path.join(__dirname, '..', 'fixtures', 'guides-format-2', 'format-2-exposure.json'), 'utf8'), 'format-2-exposure.json');
if (!parsed.ok) throw new Error('the fixture guide must load');
const guide = parsed.guide;
const items = guide.items.filter((item) => item.exposure);

describe('ballot cards', () => {
  it('give one card per participant and item, three to an A4 page', () => {
    const doc = buildBallotCards({ guide, items, language: 'pl', copies: 4, groupName: 'Kveldsskift' });
    expect(doc.page.size).toBe('A4');
    const kinds = doc.blocks.map((block) => block.kind);
    expect(kinds.filter((kind) => kind === 'table')).toHaveLength(8);
    expect(kinds).toEqual(['table', 'table', 'table', 'pageBreak', 'table', 'table', 'table', 'pageBreak', 'table', 'table']);
  });

  it('without the guide\'s ballot texts carry no instruction of their own on the card', () => {
    const doc = buildBallotCards({ guide: { ...guide, ballotTexts: undefined }, items: items.slice(0, 1), language: 'pl', copies: 1, groupName: 'G' });
    expect((doc.blocks[0] as TableBlock).columns[1].header).toHaveLength(1);
    expect(doc.footer).toContain('Tick one answer');
  });

  it('carry the code, the question, every answer with its number and the Norwegian label, and "Vet ikke"', () => {
    const doc = buildBallotCards({ guide, items: items.slice(0, 1), language: 'pl', copies: 1, groupName: 'G' });
    const card = doc.blocks[0] as TableBlock;
    expect(card.keepTogether).toBe(true);
    expect(card.columns.map((column) => column.header[0].text)).toEqual(['S2', items[0].text.pl]);
    // The guide's instruction in the card's language, on the card itself (cards are cut apart).
    expect(card.columns[1].header[1]).toEqual({ text: `\n${guide.ballotTexts!.instruction.pl}`, italic: true });
    const answers = card.rows.map((row) => row[1].runs[0].text);
    expect(answers[0]).toBe('○  1  Nie (Nei)');
    expect(answers[4]).toBe('●  5  Codziennie (Daglig)');
    expect(answers[5]).toBe('?  Nie wiem (Vet ikke)');
    expect(card.rows.every((row) => row[0].runs[0].text.trim() === '')).toBe(true);
  });

  it('are right to left in Arabic, and never more than the cap per item', () => {
    const doc = buildBallotCards({ guide, items: items.slice(0, 1), language: 'ar', copies: 1000, groupName: 'G' });
    expect(doc.dir).toBe('rtl');
    expect((doc.blocks[0] as TableBlock).dir).toBe('rtl');
    expect(doc.blocks.filter((block) => block.kind === 'table')).toHaveLength(maxBallotCopies);
  });
});
