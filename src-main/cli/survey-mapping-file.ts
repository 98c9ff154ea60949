// The column mapping a consultant gives `kartlegg survey` in a JSON file: one target per column (an array, or the
// preview's own --json output with its columns edited), or changes by column letter or heading ({"F": "item:pace.1"}).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';

interface Column {
  letter: string;
  header: string;
  target: string;
}

const metaTargets = new Set(['ignore', 'group', 'language', 'date']);

/** "pace.1" is short for "item:pace.1"; the API checks that the item exists. */
const asTarget = (value: unknown, where: string): string => {
  if (typeof value !== 'string' || value.trim() === '') throw new AppError('bad_request', `${where}: a target is a text such as "group" or "item:pace.1".`);
  const text = value.trim();
  return metaTargets.has(text) || text.startsWith('item:') ? text : `item:${text}`;
};

export function readMappingFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(path.resolve(file), 'utf8');
  } catch (error) {
    throw new AppError('not_found', `Cannot read the mapping file ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('bad_request', `The mapping file ${file} is not JSON: ${(error as Error).message}`);
  }
}

/** The targets for every column: the mapping applied to the columns as previewed. */
export function targetsFromMapping(mapping: unknown, columns: readonly Column[]): string[] {
  const list = Array.isArray(mapping)
    ? mapping
    : mapping !== null && typeof mapping === 'object' && Array.isArray((mapping as { columns?: unknown }).columns)
      ? (mapping as { columns: { target?: unknown }[] }).columns.map((column) => column?.target)
      : null;
  if (list) {
    if (list.length !== columns.length) {
      throw new AppError('bad_request', `The mapping names ${list.length} column(s), but the file has ${columns.length}.`);
    }
    return list.map((target, index) => asTarget(target, `Column ${columns[index].letter}`));
  }
  if (mapping === null || typeof mapping !== 'object') {
    throw new AppError('bad_request', 'A mapping is a list of targets, the preview\'s JSON, or an object from column letter or heading to target.');
  }
  const targets = columns.map((column) => column.target);
  for (const [key, value] of Object.entries(mapping)) {
    const byLetter = /^[A-Za-z]{1,3}$/.test(key) ? columns.findIndex((column) => column.letter === key.toUpperCase()) : -1;
    const at = byLetter >= 0 ? byLetter : columns.findIndex((column) => column.header.trim() === key.trim());
    if (at < 0) throw new AppError('bad_request', `The mapping names "${key}", which is neither a column letter nor a heading of the file.`);
    targets[at] = asTarget(value, `"${key}"`);
  }
  return targets;
}
