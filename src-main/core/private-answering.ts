// Which items are answered in a private round (a ballot, never a show of hands), and the short code
// a paper ballot card carries so its tally can be entered for the right item.
import type { Guide, GuideItem } from './guide';

/** The guide's sensitive items and those the consultant marked for the assessment, in guide order. */
export function privateRoundItems(guide: Guide, markedItemIds: readonly string[]): GuideItem[] {
  const marked = new Set(markedItemIds);
  return guide.items.filter((item) => item.sensitive === true || marked.has(item.id));
}

export function isPrivateRoundItem(item: GuideItem, markedItemIds: readonly string[]): boolean {
  return item.sensitive === true || markedItemIds.includes(item.id);
}

/** "S12": the item's number in the guide, as the consultant sees it in the item grid. */
export function ballotItemCode(guide: Guide, itemId: string): string {
  return `S${guide.items.findIndex((item) => item.id === itemId) + 1}`;
}

/** Symbols beside the numbers on the ballot buttons and cards, lowest value first, so that a
 * participant who does not read the language can still tell the answers apart. */
const ballotSymbols = ['○', '◔', '◑', '◕', '●', '◆', '▲', '■', '★', '✚'];

export function ballotSymbol(position: number): string {
  return ballotSymbols[position] ?? '•';
}
