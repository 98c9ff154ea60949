import { describe, expect, it } from 'vitest';
import { en } from '../../src-renderer/i18n/en';
import { featureMessages } from '../../src-renderer/i18n/features';
import { nb } from '../../src-renderer/i18n/nb';

function keyPaths(texts: object, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value as object, `${prefix}${key}.`),
  );
}

const sources = [{ nb, en }, ...featureMessages];

describe('UI texts', () => {
  it('English has exactly the keys of bokmål, in the app and in every feature', () => {
    for (const source of sources) expect(keyPaths(source.en).sort()).toEqual(keyPaths(source.nb).sort());
  });

  // The sources are merged with Object.assign: a group defined twice would lose one side's texts
  // at run time while the types (an intersection) still promise both.
  it('no two sources define the same top-level group', () => {
    const groups = sources.flatMap((source) => Object.keys(source.nb));
    expect(groups.filter((group, i) => groups.indexOf(group) !== i)).toEqual([]);
  });

});
