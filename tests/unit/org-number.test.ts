// The organisation number check: mod-11 with weights 3,2,7,6,5,4,3,2, spaces and dots allowed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOrgNumber, formatOrgNumber, normalizeOrgNumber } from '../../src-main/core/org-number';

const weights = [3, 2, 7, 6, 5, 4, 3, 2];

/** The check digit written independently of the code under test; null when the remainder is 1. */
function expectedCheckDigit(firstEight: readonly number[]): number | null {
  const remainder = firstEight.reduce((sum, digit, i) => sum + weights[i] * digit, 0) % 11;
  if (remainder === 1) return null;
  return remainder === 0 ? 0 : 11 - remainder;
}

const eightDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 });

/** Issued numbers start with 8 or 9. */
const validNumber = eightDigits
  .map((digits) => [8 + (digits[0] % 2), ...digits.slice(1)])
  .filter((digits) => expectedCheckDigit(digits) !== null)
  .map((digits) => [...digits, expectedCheckDigit(digits)!].join(''));

describe('checkOrgNumber', () => {
  it.each([
    ['923609016', 'remainder 5, check digit 6'],
    ['974760673', 'remainder 8, check digit 3'],
    ['971526920', 'remainder 0, check digit 0'],
    ['985399077', 'remainder 4, check digit 7'],
    ['889640782', 'remainder 9, check digit 2'],
    ['937885644', 'remainder 7, check digit 4'],
    ['923 609 016', 'grouped with spaces'],
    ['923.609.016', 'grouped with dots'],
    ['  974 760 673 ', 'with spaces around'],
    ['923\u00a0609\u00a0016', 'with no-break spaces, as pasted from a web page'],
  ])('accepts %s (%s)', (input) => {
    expect(checkOrgNumber(input)).toBeNull();
  });

  it.each([
    ['923609017', 'last digit one too high'],
    ['923609015', 'last digit one too low'],
    ['974760674', 'check digit 4 where 3 is right'],
    ['932609016', 'two digits swapped'],
    ['912345678', 'remainder 1: no check digit exists'],
    ['100000019', 'remainder 5 needs 6, has 9'],
    ['123456789', 'a counting sequence'],
  ])('refuses %s with checkDigit (%s)', (input) => {
    expect(checkOrgNumber(input)).toBe('checkDigit');
  });

  it.each([
    ['', 'empty'],
    ['92360901', 'eight digits'],
    ['9236090160', 'ten digits'],
    ['92360901O', 'a letter O for a zero'],
    ['NO923609016', 'a country prefix'],
    ['923609016MVA', 'the VAT suffix'],
    ['923_609_016', 'underscores'],
    ['923,609,016', 'commas'],
    ['+23609016', 'a sign'],
    ['٩٢٣٦٠٩٠١٦', 'Arabic-Indic digits'],
  ])('refuses %j with format (%s)', (input) => {
    expect(checkOrgNumber(input)).toBe('format');
  });

  it('accepts a number with a check digit, for any eight digits whose check digit exists', () => {
    fc.assert(
      fc.property(validNumber, (number) => {
        expect(checkOrgNumber(number)).toBeNull();
      }),
    );
  });

  it('refuses every ninth digit when the remainder is 1', () => {
    fc.assert(
      fc.property(
        eightDigits.filter((digits) => expectedCheckDigit(digits) === null),
        fc.integer({ min: 0, max: 9 }),
        (digits, last) => {
          expect(checkOrgNumber([...digits, last].join(''))).toBe('checkDigit');
        },
      ),
    );
  });

  it('refuses a valid number with any single digit changed', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (number, position, shift) => {
        const changed = (Number(number[position]) + shift) % 10;
        const typo = number.slice(0, position) + changed + number.slice(position + 1);
        expect(checkOrgNumber(typo)).toBe('checkDigit');
      }),
    );
  });

  it('gives the same answer for a number grouped with spaces or dots', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom(' ', '.', '-'), (number, separator) => {
        const grouped = [number.slice(0, 3), number.slice(3, 6), number.slice(6)].join(separator);
        expect(checkOrgNumber(grouped)).toBeNull();
      }),
    );
  });
});

describe('normalizeOrgNumber and formatOrgNumber', () => {
  it.each([
    ['923 609 016', '923609016'],
    ['923.609.016', '923609016'],
    ['923-609-016', '923609016'],
    [' 923609016 ', '923609016'],
  ])('normalizes %j to %s', (input, digits) => {
    expect(normalizeOrgNumber(input)).toBe(digits);
  });

  it.each([
    ['923609016', '923 609 016'],
    ['923.609.016', '923 609 016'],
    ['12345', '12345'],
  ])('formats %j as %j', (input, shown) => {
    expect(formatOrgNumber(input)).toBe(shown);
  });
});

describe('numbers never issued', () => {
  it('refuses 000000000 and other numbers that pass the check digit but do not start with 8 or 9', () => {
    expect(checkOrgNumber('000000000')).toBe('notIssued');
    expect(checkOrgNumber('000 000 000')).toBe('notIssued');
    expect(checkOrgNumber('923609016')).toBeNull();
  });
});
