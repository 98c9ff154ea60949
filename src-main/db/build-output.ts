import { fileURLToPath } from 'node:url';

/** Where a file the build writes beside the built main-process code may be: this code is bundled
 * into the main folder or its chunks folder, so the main folder is this file's folder or its parent. */
export const besideBuiltMain = (name: string): string[] => ['./', '../'].map((parent) => fileURLToPath(new URL(`${parent}${name}`, import.meta.url)));
