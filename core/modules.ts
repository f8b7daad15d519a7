import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Imports a project module by its path from the code root, without extension: the `.ts` source
 * when running from sources (tsx, vitest), the `.js` file when running the build (`node dist/…`).
 * Which one is decided by how this very file runs, never by what exists on disk: the sources sit
 * beside dist/ in a checkout, and a built process must not import a `.ts` file. This is how
 * launchers load a simulator or subgraph by its registry name, so adding a country needs no
 * launcher change.
 */
const here = fileURLToPath(import.meta.url);
const codeRoot = resolve(dirname(here), '..');
const extension = here.endsWith('.ts') ? 'ts' : 'js';

export async function importProjectModule<T>(pathWithoutExtension: string): Promise<T> {
  const file = resolve(codeRoot, `${pathWithoutExtension}.${extension}`);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as T;
}
