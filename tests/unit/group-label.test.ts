// Group labels as people mean them: "Åsen" typed two ways, with stray spaces, is one group.
import { describe, expect, it } from 'vitest';
import { normalizeGroupLabel, sameGroup } from '../../src-main/core/group-label';
import { scoreAssessment } from '../../src-main/core/scoring';
import { buildGuide, consensus, groupInterview } from './fixtures/scoring-guide';

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

describe('groups in the results', () => {
  it('two groups that differ only in Unicode form (and spaces) are one group', () => {
    const guide = buildGuide([{ id: 'f', items: ['f.1'] }]);
    const result = scoreAssessment(guide, [
      groupInterview('a', composed, 3, { 'f.1': consensus(2, 3) }),
      groupInterview('b', `${decomposed} `, 3, { 'f.1': consensus(4, 3) }),
    ]);
    expect(result.groups.map((g) => g.group)).toEqual([composed]);
    expect(result.groups[0].factors[0]).toMatchObject({ suppressed: false, n: 6, score: 50 });
  });
});
