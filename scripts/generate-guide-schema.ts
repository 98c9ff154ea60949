// Writes docs/guide.schema.json from the guide schema: npx tsx scripts/generate-guide-schema.ts
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { guideJsonSchemaText } from '../src-main/guides/guide-json-schema';

const target = fileURLToPath(new URL('../docs/guide.schema.json', import.meta.url));
writeFileSync(`${target}.tmp`, guideJsonSchemaText());
renameSync(`${target}.tmp`, target);
console.log(`wrote ${target}`);
