import { describe, expect, it } from 'vitest';
import { proposeFindings } from '../../src-main/core/finding-proposals';
import type { AssessmentResult, FactorResult } from '../../src-main/core/scoring';
import { buildGuide } from './fixtures/scoring-guide';

const guide = buildGuide(['yellow', 'red', 'green', 'withheld', 'unscored', 'covered'].map((id) => ({ id, items: [`${id}.1`] })));

const shown = (factorId: string, score: number | null, light: 'green' | 'yellow' | 'red' | null): FactorResult => ({
  suppressed: false,
  factorId,
  score,
  n: 7,
  light,
  items: [],
});

const result: AssessmentResult = {
  minimumGroupSize: 5,
  groups: [],
  factors: [
    shown('yellow', 60, 'yellow'),
    shown('red', 12.4, 'red'),
    shown('green', 90, 'green'),
    { suppressed: true, factorId: 'withheld', reason: 'belowMinimumGroupSize' },
    shown('unscored', null, null),
    shown('covered', 10, 'red'),
  ],
};

describe('proposeFindings', () => {
  it('proposes the red factors first, then the yellow, skipping covered, green, unscored and withheld ones', () => {
    const proposals = proposeFindings(guide, result, [{ factorIds: ['covered'] }], 'nb');
    expect(proposals.drafts.map((d) => d.factorIds)).toEqual([['red'], ['yellow']]);
    expect(proposals.coveredFactorIds).toEqual(['covered']);
    expect(proposals.withheldFactorIds).toEqual(['withheld']);
  });

  it('writes the evidence and legal basis in the chosen language, rounding the score only for the text', () => {
    const [nb] = proposeFindings(guide, result, [], 'nb').drafts;
    expect(nb.hazard).toContain('Kartleggingen gir rødt nivå for faktoren (skår 12 av 100, 7 svar).');
    expect(nb.hazard).toContain('Rettslig grunnlag: Arbeidsmiljøloven § 4-3 (Psykososialt arbeidsmiljø).');
    const [en] = proposeFindings(guide, result, [], 'en').drafts;
    expect(en.hazard).toContain('The mapping puts the factor at red (score 12 of 100, 7 responses).');
    expect(en.hazard).toContain('Legal basis: Arbeidsmiljøloven § 4-3');
  });

  it('proposes nothing at all when every result is withheld', () => {
    const withheld: AssessmentResult = {
      ...result,
      factors: result.factors.map((f) => ({ suppressed: true, factorId: f.factorId, reason: 'belowMinimumGroupSize' })),
    };
    const proposals = proposeFindings(guide, withheld, [], 'nb');
    expect(proposals.drafts).toEqual([]);
    expect(proposals.withheldFactorIds).toHaveLength(6);
  });
});
