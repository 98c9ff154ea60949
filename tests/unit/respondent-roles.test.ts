// Managers' and safety representatives' answers are kept out of the employees' results and scored
// apart, with the same suppression.
import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../src-main/core/scoring';
import { buildGuide, consensus, groupInterview, tally } from './fixtures/scoring-guide';

const guide = buildGuide([{ id: 'f', items: ['f.1'] }]);
const employees = groupInterview('e', 'Dagskift', 6, { 'f.1': tally({ 2: 3, 4: 3 }) });

describe('respondent roles', () => {
  it('keeps managers and safety representatives out of the employees’ results', () => {
    const result = scoreAssessment(guide, [
      employees,
      { ...groupInterview('m', 'Ledere', 2, { 'f.1': consensus(5, 2) }), role: 'managers' },
      { ...groupInterview('s', 'Verneombud', 1, { 'f.1': consensus(1, 1) }), role: 'safetyRepresentatives' },
    ]);
    expect(result.factors[0]).toMatchObject({ suppressed: false, n: 6, score: 50 });
    expect(result.groups.map((g) => g.group)).toEqual(['Dagskift']);
    expect(result.apart?.map((r) => r.role)).toEqual(['managers', 'safetyRepresentatives']);
  });

  it('withholds a role’s results below the minimum group size, and shows them from it', () => {
    const result = scoreAssessment(guide, [
      employees,
      { ...groupInterview('m', 'Ledere', 2, { 'f.1': consensus(5, 2) }), role: 'managers' },
      { ...groupInterview('s1', 'Verneombud', 3, { 'f.1': tally({ 1: 1, 3: 2 }) }), role: 'safetyRepresentatives' },
      { ...groupInterview('s2', 'Verneombud', 2, { 'f.1': tally({ 3: 1, 5: 1 }) }), role: 'safetyRepresentatives' },
    ]);
    const [managers, representatives] = result.apart!;
    expect(managers.factors[0]).toEqual({ suppressed: true, factorId: 'f', reason: 'belowMinimumGroupSize' });
    expect(managers.groups[0].factors[0]).toMatchObject({ suppressed: true });
    expect(representatives.factors[0]).toMatchObject({ suppressed: false, n: 5, score: 50 });
  });

  it('has nothing apart when every set is the employees’', () => {
    expect(scoreAssessment(guide, [employees]).apart).toEqual([]);
  });
});
