// The lookups scoring needs again and again: a factor's items in guide order, and an item's scale.
import type { Guide, GuideFactor, GuideItem, GuideScale } from './guide';

export interface GuideIndex {
  guide: Guide;
  itemsOf(factorId: string): readonly GuideItem[];
  scaleOf(item: GuideItem): GuideScale;
}

export function indexGuide(guide: Guide): GuideIndex {
  const scales = new Map(guide.scales.map((scale) => [scale.id, scale]));
  const items = new Map<string, GuideItem[]>(guide.factors.map((factor: GuideFactor) => [factor.id, []]));
  for (const item of guide.items) items.get(item.factor)?.push(item);
  return {
    guide,
    itemsOf: (factorId) => items.get(factorId) ?? [],
    scaleOf: (item) => {
      const scale = scales.get(item.scale);
      // A guide is validated when it is loaded, so this means a guide built around the schema.
      if (!scale) throw new Error(`item "${item.id}" refers to the unknown scale "${item.scale}"`);
      return scale;
    },
  };
}
