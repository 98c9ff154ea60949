// The complete example in docs/guides.md must be a guide that loads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseGuide } from '../../src-main/guides/parse-guide';

it('the minimal complete example in docs/guides.md loads without problems', () => {
  const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'guides.md'), 'utf8');
  const section = doc.split('## A minimal complete example')[1] ?? '';
  const example = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  expect(example, 'no ```json block under "A minimal complete example"').toBeDefined();
  const result = parseGuide(example!, 'docs/guides.md');
  expect(result.ok ? [] : result.problems).toEqual([]);
});
