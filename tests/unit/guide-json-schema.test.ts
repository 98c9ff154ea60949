// docs/guide.schema.json is generated from the zod schema and must stay in step with it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { guideJsonSchema } from '../../src-main/guides/guide-json-schema';

it('docs/guide.schema.json matches the guide schema', () => {
  const file = path.join(__dirname, '..', '..', 'docs', 'guide.schema.json');
  const written = JSON.parse(readFileSync(file, 'utf8'));
  expect(written, 'regenerate with: npx tsx scripts/generate-guide-schema.ts').toEqual(guideJsonSchema());
});
