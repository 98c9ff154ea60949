// What a consultant types that the API refuses with a clear reason: implausible dates; and the
// consultant line a profile fills new assessments with.
import { describe, expect, it } from 'vitest';
import { plausibleDate } from '../../src-main/api/fields';
import { settingsPatch } from '../../src-main/api/methods/settings';
import { toErrorIssues } from '../../src-main/core/validation-issues';
import { consultantLine, consultantProfileLimits } from '../../src-main/core/settings';

function keysOf(value: string): (string | undefined)[] {
  const parsed = plausibleDate.safeParse(value);
  return parsed.success ? [] : toErrorIssues(parsed.error).map((issue) => issue.key);
}

describe('plausible dates', () => {
  const thisYear = new Date().getFullYear();

  it('takes dates from 2000 up to ten years ahead', () => {
    expect(keysOf('2000-01-01')).toEqual([]);
    expect(keysOf(`${thisYear}-06-30`)).toEqual([]);
    expect(keysOf(`${thisYear + 10}-12-31`)).toEqual([]);
  });

  it('says whether a refused date is too early or too far ahead', () => {
    expect(keysOf('1999-12-31')).toEqual(['dateTooEarly']);
    expect(keysOf('0202-03-01')).toEqual(['dateTooEarly']);
    expect(keysOf(`${thisYear + 11}-01-01`)).toEqual(['dateTooLate']);
    const late = plausibleDate.safeParse('2999-01-01');
    expect(late.success ? '' : late.error.issues[0].message).toContain('more than 10 years ahead');
  });

  it('still refuses a date that does not exist', () => {
    expect(keysOf('2027-02-30')).toEqual(['notADate']);
  });
});

describe('consultant line', () => {
  it('joins the filled parts of the profile', () => {
    expect(consultantLine({ name: 'Kari Nordmann', title: 'Seniorrådgiver', firm: 'Trygg BHT AS' })).toBe('Kari Nordmann, Seniorrådgiver, Trygg BHT AS');
    expect(consultantLine({ name: ' Kari Nordmann ', title: '', firm: 'Trygg BHT AS' })).toBe('Kari Nordmann, Trygg BHT AS');
    expect(consultantLine({ name: '', title: '', firm: '' })).toBe('');
  });
});

describe('consultant profile in the settings', () => {
  it('fits the assessment\'s consultant field (200 characters) even when every part is full', () => {
    const full = { name: 'n'.repeat(consultantProfileLimits.name), title: 't'.repeat(consultantProfileLimits.title), firm: 'f'.repeat(consultantProfileLimits.firm) };
    expect(settingsPatch().safeParse({ consultantProfile: full }).success).toBe(true);
    expect(consultantLine(full).length).toBeLessThanOrEqual(200);
  });

  it('refuses a part over its limit, naming it, and trims the rest', () => {
    const parsed = settingsPatch().safeParse({ consultantProfile: { name: 'n'.repeat(71), title: ' Rådgiver ', firm: '' } });
    expect(parsed.success ? [] : toErrorIssues(parsed.error).map((issue) => [issue.path, issue.key])).toEqual([['consultantProfile.name', 'tooLong']]);
    expect(settingsPatch().parse({ consultantProfile: { name: ' Kari ', title: ' Rådgiver ', firm: '' } }).consultantProfile).toEqual({ name: 'Kari', title: 'Rådgiver', firm: '' });
  });
});
