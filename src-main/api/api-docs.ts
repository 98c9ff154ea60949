// Writes docs/api.md from the contract, so the documentation cannot drift from the code.
import { z } from 'zod';
import { contract } from './contract';

function describeInput(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return JSON.stringify(json, null, 2);
}

export function apiReference(): string {
  const lines = [
    '# Kartlegg API',
    '',
    'Generated from `src-main/api/contract.ts` by `npm run docs:api`; a test fails when this file is out of step.',
    '',
    'Every method takes one JSON object and answers `{ "ok": true, "value": … }` or',
    '`{ "ok": false, "error": { "code", "message", "issues"? } }`. In the app the renderer calls',
    '`window.kartlegg.invoke(method, input)` (Electron IPC); in browser mode it is',
    '`POST /api/<method>` with `Authorization: Bearer <token>` and `Content-Type: application/json`.',
    '',
    '| HTTP status | error code |',
    '| --- | --- |',
    '| 400 | bad_request, invalid_input, invalid_file |',
    '| 401 | unauthorized |',
    '| 403 | forbidden |',
    '| 404 | unknown_method, not_found |',
    '| 409 | conflict, database_too_new, database_locked |',
    '| 413 | payload_too_large |',
    '| 500 | internal |',
    '',
    '## Methods',
    '',
  ];
  for (const [name, spec] of Object.entries(contract)) {
    lines.push(`### \`${name}\``, '', spec.summary, '', 'Input:', '', '```json', describeInput(spec.input), '```', '');
  }
  return lines.join('\n');
}
