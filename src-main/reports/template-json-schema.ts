// Generates the JSON Schema of the report template format (docs/report-template.schema.json) from the zod shape.
import { z } from 'zod';
import { templateFormat, templateShape } from './template';

/** The shape only: placeholders, languages and fixed-text blocks are checked when the app loads a
 * template (docs/reports.md). The input side, so that fields with a default are optional. */
export function reportTemplateJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(templateShape, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema: schema.$schema,
    title: `Kartlegg report template (${templateFormat})`,
    description:
      'Structure only. Placeholder names, texts in every language of the template, and which blocks a template in other languages than nb and en may use are checked when the app loads a template; see docs/reports.md.',
    ...schema,
  };
}

export function reportTemplateJsonSchemaText(): string {
  return `${JSON.stringify(reportTemplateJsonSchema(), null, 2)}\n`;
}
