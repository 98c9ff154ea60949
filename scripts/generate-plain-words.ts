// Writes resources/fonts/plain-words.json: per report font, the characters whose words fontkit
// shapes trivially and their kerning (src-main/reports/plain-words.ts). Run after changing a font
// or updating fontkit: `npm run fonts:plain-words`; a unit test checks it is in step.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { derivePlainWordsFile } from './plain-words-derive';

const fontDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'fonts');
const file = derivePlainWordsFile(fontDir);
writeFileSync(path.join(fontDir, 'plain-words.json'), `${JSON.stringify(file)}\n`);
for (const [name, table] of Object.entries(file.fonts)) {
  console.log(`${name}: ${table.codePoints.length} plain characters, ${table.latn.values.length} kerning cells${table.zzzz ? ` (+${table.zzzz.values.length} for Common-only words)` : ''}`);
}
