// Group labels as people mean them: "Åsen" typed two ways, with stray spaces, is one group.
import { describe, expect, it } from 'vitest';
import { normalizeGroupLabel, sameGroup } from '../../src-main/core/group-label';

const composed = '\u00c5sen'; // Å as one character
const decomposed = 'A\u030asen'; // A + combining ring above

describe('normalizeGroupLabel', () => {
  it('makes the two Unicode forms of "Åsen" one', () => {
    expect(composed).not.toBe(decomposed);
    expect(normalizeGroupLabel(decomposed)).toBe(composed);
    expect(sameGroup(composed, ` ${decomposed}\t`)).toBe(true);
  });
  it('keeps different labels apart', () => {
    expect(sameGroup('Åsen', 'Asen')).toBe(false);
    expect(sameGroup('Dag', 'dag')).toBe(false);
  });
});
