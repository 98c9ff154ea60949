#!/usr/bin/env node
// Runs the built CLI (out/main/cli.cjs, CommonJS); `npm install` builds it, `npm run build` rebuilds it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const out = process.env.KARTLEGG_OUT_DIR ?? 'out';
const cli = fileURLToPath(new URL(`../${out}/main/cli.cjs`, import.meta.url));
if (!existsSync(cli)) {
  console.error('kartlegg: the app is not built yet. Run "npm run build" in the Kartlegg folder first.');
  process.exit(1);
}
createRequire(import.meta.url)(cli);
