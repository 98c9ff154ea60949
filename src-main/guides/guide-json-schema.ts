// Generates the JSON Schema of the guide format (docs/guide.schema.json) from the zod shape.
import { z } from 'zod';
import { guideFormat, guideShape } from '../core/guide';

/** The shape only: the cross-checks (references, translations, ids) have no JSON Schema form and
 * are described in docs/guides.md. The input side, so that fields with a default are optional. */
export function guideJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(guideShape, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema: schema.$schema,
    title: `Kartlegg interview guide (${guideFormat})`,
    description:
      'Structure only. References between ids, required translations and reviewed translations are checked when the app loads a guide; see docs/guides.md.',
    ...schema,
  };
}

/** The file as written to docs/guide.schema.json. */
export function guideJsonSchemaText(): string {
  return `${JSON.stringify(guideJsonSchema(), null, 2)}\n`;
}
