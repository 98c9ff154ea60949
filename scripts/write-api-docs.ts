// Regenerates docs/api.md from the API contract.
import { writeFileSync } from 'node:fs';
import { apiReference } from '../src-main/api/api-docs';

writeFileSync(new URL('../docs/api.md', import.meta.url), apiReference());
