// The employees' "your rights and who you can talk to", from the guide, in the report's language.
import type { BlockWriter } from './block-kit';
import { runs } from './block-kit';

/** Writes nothing for a guide without rights information, so reports on such guides stay as they were. */
export function rightsInfo(writer: BlockWriter): void {
  const { context } = writer;
  const texts = context.data.guide.rightsInfo ?? [];
  if (!texts.length) return;
  writer.push({ kind: 'list', ordered: false, items: texts.map((text) => runs(context.text(text))), lang: context.language, dir: context.dir });
}
