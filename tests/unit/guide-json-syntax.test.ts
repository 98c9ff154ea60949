// findJsonSyntaxError: agrees with JSON.parse on what is valid, and says where the first error is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src-main/guides/json-syntax';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": 1,\n "b": }', 2, 7, "expected a value, found '}'"],
    ['{"a": 1', 1, 8, "expected ',' or '}' after a field's value, found the end of the file"],
    ['{"a": 1\n "b": 2}', 1, 8, "missing ',' between two fields"],
    ['[1, 2,]', 1, 6, "a comma before ']' (JSON allows no trailing comma)"],
    ['[1 2]', 1, 4, "expected ',' or ']' after a list entry, found '2'"],
    ['["a" "b"]', 1, 5, "missing ',' between two list entries"],
    ['{"a": "x\ny"}', 1, 9, 'a line break inside a text (write \\n)'],
    ['{"a": "x', 1, 9, 'a text is not closed with \'"\''],
    ['{"a": "\\q"}', 1, 8, 'unknown escape "\\q" in a text'],
    ['{"a": 01}', 1, 8, "expected ',' or '}' after a field's value, found '1'"],
    ['{"a": tru}', 1, 7, "expected a value, found 't'"],
    ['{} {}', 1, 4, "unexpected '{' after the end of the data"],
    ['\r\n\r\n  x', 3, 3, "expected a value, found 'x'"],
  ])('%j', (text, line, column, message) => {
    expect(findJsonSyntaxError(text)).toEqual({ line, column, message });
  });

  it('finds nothing in valid JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.jsonValue({ stringUnit: 'binary' }).map((v) => JSON.stringify(v, null, 2))), (text) => {
        expect(findJsonSyntaxError(text)).toBeUndefined();
      }),
    );
  });

  it('agrees with JSON.parse on damaged JSON', () => {
    const damaged = fc
      .tuple(fc.jsonValue().map((v) => JSON.stringify(v, null, 1)), fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(',', '}', ']', '"', ':', ' ', '\n', '\\', 'x', '0', '-', '.'))
      .map(([text, at, cut, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + cut);
      });
    fc.assert(
      fc.property(damaged, (text) => {
        expect(findJsonSyntaxError(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });
});
