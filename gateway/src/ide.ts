import { build } from 'esbuild';
import { fromRoot } from '../../core/paths.js';

/**
 * GraphiQL from npm, bundled by esbuild into one script and one stylesheet held in memory and
 * served by the gateway itself. Apollo's landing page loads from a CDN; ministries' networks and
 * this project's CI have no internet, so the IDE must not either.
 */
export interface IdeAssets {
  html: string;
  js: string;
  css: string;
}

let building: Promise<IdeAssets> | undefined;

/** Bundles once per process, on first use (about a second), then serves from memory. */
export function ideAssets(): Promise<IdeAssets> {
  // A failed build is not remembered: the next request tries again.
  building ??= bundle().catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

async function bundle(): Promise<IdeAssets> {
  const result = await build({
    entryPoints: [fromRoot('gateway/ide/src/app.tsx')],
    bundle: true,
    minify: true,
    write: false,
    outdir: 'ide',
    format: 'esm',
    jsx: 'automatic',
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const text = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { html: page(), js: text('.js'), css: text('.css') };
}

function page(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>LMIS Gateway — GraphQL IDE</title>
  <link rel="stylesheet" href="/ide/app.css">
  <style>html, body, #ide { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="ide">Loading the IDE…</div>
  <script type="module" src="/ide/app.js"></script>
</body>
</html>`;
}
