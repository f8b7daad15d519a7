import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fromRoot } from './paths.js';

/**
 * Imports a project module by its path from the repository root, without extension: the `.ts`
 * source when running from sources (tsx, vitest), the `.js` file when running from dist/. This
 * is how launchers load a simulator or subgraph by its registry name, so adding a country needs
 * no launcher change.
 */
export async function importProjectModule<T>(pathWithoutExtension: string): Promise<T> {
  const source = fromRoot(`${pathWithoutExtension}.ts`);
  const file = existsSync(source) ? source : fromRoot(`${pathWithoutExtension}.js`);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as T;
}
