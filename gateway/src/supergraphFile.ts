import { createHash } from 'node:crypto';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '../../core/log.js';

/**
 * The supergraph as a static file (the one `npm run compose` writes — the same file Apollo Router
 * reads). The file is watched: a changed, valid supergraph is swapped in by the gateway without
 * dropping in-flight requests (they finish on the schema they started with); an invalid one is
 * refused and the old one kept.
 */
export interface SupergraphFileEvents {
  onSwap?(hash: string): void;
  onRejected?(error: unknown): void;
}

const DEBOUNCE_MS = 100;

export function supergraphFromFile(path: string, logger: Logger, events: SupergraphFileEvents = {}): SupergraphSdlHook {
  return async ({ update }) => {
    let current = readFileSync(path, 'utf8');
    let currentHash = hashOf(current);
    let timer: NodeJS.Timeout | undefined;

    const reload = () => {
      const next = readQuietly(path);
      if (next === undefined || hashOf(next) === currentHash) return;
      try {
        update(next);
        current = next;
        currentHash = hashOf(next);
        logger.info({ hash: currentHash }, 'supergraph swapped');
        events.onSwap?.(currentHash);
      } catch (error) {
        logger.error({ err: error }, 'new supergraph refused; keeping the current one');
        events.onRejected?.(error);
      }
    };
    // Watch the directory, not the file: editors and compose replace the file (new inode).
    const watcher: FSWatcher = watch(dirname(path), { persistent: false }, (_event, file) => {
      if (file && file !== basename(path)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, DEBOUNCE_MS);
    });
    return {
      supergraphSdl: current,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}

function readQuietly(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // mid-write or removed: the next event brings it back
  }
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
