// The items an assessment asks: the guide's core set plus the optional modules chosen when it was planned.
import type { Guide, GuideItem } from './guide';

/** Whether the item is asked when these modules are chosen: core items always are. */
export function isItemAsked(item: Pick<GuideItem, 'module'>, chosenModules: readonly string[]): boolean {
  return item.module === undefined || chosenModules.includes(item.module);
}

/** The chosen module ids that the guide does not have, to refuse a plan that names them. */
export function unknownModules(guide: Guide, chosenModules: readonly string[]): string[] {
  const known = new Set((guide.modules ?? []).map((module) => module.id));
  return chosenModules.filter((id) => !known.has(id));
}

/**
 * The guide as an assessment with these modules uses it: only the asked items, and only the factors
 * that keep at least one of them, so the interview, the "half of the factor's items" scoring rule
 * and the reports all count the items that were asked. A guide without modules (every item core)
 * comes back as the very same object, so it scores exactly as before.
 */
export function plannedGuide(guide: Guide, chosenModules: readonly string[]): Guide {
  if (guide.items.every((item) => isItemAsked(item, chosenModules))) return guide;
  const items = guide.items.filter((item) => isItemAsked(item, chosenModules));
  const askedFactors = new Set(items.map((item) => item.factor));
  return { ...guide, items, factors: guide.factors.filter((factor) => askedFactors.has(factor.id)) };
}
