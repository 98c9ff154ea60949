import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiReference } from '../../src-main/api/api-docs';
import { contract } from '../../src-main/api/contract';

describe('docs/api.md', () => {
  it('is in step with the API contract (regenerate with npm run docs:api)', () => {
    expect(readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8')).toBe(apiReference());
  });

  it('documents every method', () => {
    const reference = apiReference();
    for (const name of Object.keys(contract)) expect(reference).toContain(`### \`${name}\``);
  });
});
