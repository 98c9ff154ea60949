// Finds where a JSON text breaks, with line and column, because JSON.parse's messages differ
// between Node versions and often carry no position at all.

export interface JsonSyntaxError {
  /** 1-based, as editors count. */
  line: number;
  column: number;
  message: string;
}

class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const maxDepth = 1000;
const numberPattern = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** The first syntax error in text, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const fail: (message: string, offset?: number) => never = (message, offset = at) => {
    throw new SyntaxFailure(offset, message);
  };
  const found = () => (at >= text.length ? 'the end of the file' : `'${text[at]}'`);
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };

  const readString = () => {
    at++;
    for (;;) {
      const c = text[at];
      if (c === undefined) fail('a text is not closed with \'"\'');
      if (c === '"') {
        at++;
        return;
      }
      if (c === '\\') {
        const next = text[at + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) fail('"\\u" must be followed by four hex digits');
          at += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          at += 2;
        } else {
          fail(`unknown escape "\\${next ?? ''}" in a text`);
        }
        continue;
      }
      if (c < ' ') fail(c === '\n' || c === '\r' ? 'a line break inside a text (write \\n)' : 'a control character inside a text');
      at++;
    }
  };

  const readValue = (depth: number): void => {
    skipSpace();
    if (depth > maxDepth) fail('nested too deeply');
    const c = text[at];
    if (c === '{') return readObject(depth);
    if (c === '[') return readArray(depth);
    if (c === '"') return readString();
    if (c === '-' || (c >= '0' && c <= '9')) {
      numberPattern.lastIndex = at;
      const match = numberPattern.exec(text);
      if (!match) fail('not a valid number');
      at += match[0].length;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return;
      }
    }
    fail(`expected a value, found ${found()}`);
  };

  const readObject = (depth: number) => {
    at++;
    skipSpace();
    if (text[at] === '}') {
      at++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail(`expected a field name in double quotes, found ${found()}`);
      readString();
      skipSpace();
      if (text[at] !== ':') fail(`expected ':' after the field name, found ${found()}`);
      at++;
      readValue(depth + 1);
      const valueEnd = at;
      skipSpace();
      if (text[at] === '}') {
        at++;
        return;
      }
      // Pointing at where the comma belongs beats pointing at the next line's field.
      if (text[at] === '"') fail("missing ',' between two fields", valueEnd);
      if (text[at] !== ',') fail(`expected ',' or '}' after a field's value, found ${found()}`);
      const comma = at++;
      skipSpace();
      if (text[at] === '}') fail("a comma before '}' (JSON allows no trailing comma)", comma);
    }
  };

  const readArray = (depth: number) => {
    at++;
    skipSpace();
    if (text[at] === ']') {
      at++;
      return;
    }
    for (;;) {
      readValue(depth + 1);
      const valueEnd = at;
      skipSpace();
      if (text[at] === ']') {
        at++;
        return;
      }
      if (text[at] !== undefined && '{["'.includes(text[at])) fail("missing ',' between two list entries", valueEnd);
      if (text[at] !== ',') fail(`expected ',' or ']' after a list entry, found ${found()}`);
      const comma = at++;
      skipSpace();
      if (text[at] === ']') fail("a comma before ']' (JSON allows no trailing comma)", comma);
    }
  };

  try {
    skipSpace();
    if (at >= text.length) fail('the file is empty');
    readValue(0);
    skipSpace();
    if (at < text.length) fail(`unexpected ${found()} after the end of the data`);
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return { ...lineAndColumn(text, error.offset), message: error.message };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
