/* global console */
// Bundles the demo into dist/ (app.js, index.html, styles.css), which the API serves at /demo/ when
// DEMO_ENABLED=true. One file of JavaScript, no external font or CDN: the page works offline.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const started = Date.now();

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await build({
  entryPoints: [join(here, 'src/main.tsx')],
  // The SDK from its TypeScript source: the demo builds without building the SDK first.
  alias: { '@chat-backend/sdk': join(here, '../sdk/src/index.ts') },
  outfile: join(dist, 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
await Promise.all(['index.html', 'styles.css'].map((file) => copyFile(join(here, file), join(dist, file))));
console.log(`[demo] built ${dist} in ${Date.now() - started} ms`);
