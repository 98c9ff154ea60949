// Writes docs/report-template.schema.json from the report template schema: npx tsx scripts/generate-report-template-schema.ts
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportTemplateJsonSchemaText } from '../src-main/reports/template-json-schema';

const target = fileURLToPath(new URL('../docs/report-template.schema.json', import.meta.url));
writeFileSync(`${target}.tmp`, reportTemplateJsonSchemaText());
renameSync(`${target}.tmp`, target);
console.log(`wrote ${target}`);
