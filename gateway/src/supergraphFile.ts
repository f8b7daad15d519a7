import { createHash } from 'node:crypto';
import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '../../core/log.js';

/**
 * Where the gateway's supergraph comes from: the static file `npm run compose` writes (the same
 * file Apollo Router reads), watched for changes. A changed file is handed to the gateway's
 * `update()`, which validates it and swaps it in; requests already running finish on the plan
 * they started with. An invalid file is refused and the current supergraph kept.
 */
export interface SupergraphEvents {
  /** The supergraph in use: once at start, then after every swap. */
  onLoaded?(hash: string, reason: 'start' | 'swap'): void;
  onRejected?(error: unknown): void;
}

/** Editors and compose write in bursts; react once the burst is over. */
const DEBOUNCE_MS = 100;

export function supergraphFromFile(path: string, logger: Logger, events: SupergraphEvents = {}): SupergraphSdlHook {
  return async ({ update }) => {
    const initial = readFileSync(path, 'utf8');
    let seen = hashOf(initial);
    let timer: NodeJS.Timeout | undefined;

    const reload = () => {
      const next = readQuietly(path);
      if (next === undefined) return;
      const hash = hashOf(next);
      // `seen` also covers a refused file: an unchanged bad file is not refused twice.
      if (hash === seen) return;
      seen = hash;
      try {
        update(next);
        logger.info({ hash }, 'supergraph swapped');
        events.onLoaded?.(hash, 'swap');
      } catch (error) {
        logger.error({ err: error, hash }, 'new supergraph refused; keeping the current one');
        events.onRejected?.(error);
      }
    };
    // Watch the directory, not the file: compose and editors replace the file (a new inode).
    const watcher: FSWatcher = watch(dirname(path), { persistent: false }, (_event, file) => {
      if (file && file !== basename(path)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, DEBOUNCE_MS);
    });
    events.onLoaded?.(seen, 'start');
    return {
      supergraphSdl: initial,
      cleanup: async () => {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}

/** A supergraph given as text (tests compose one in-process with ephemeral URLs). */
export function fixedSupergraph(sdl: string, events: SupergraphEvents = {}): SupergraphSdlHook {
  return async () => {
    events.onLoaded?.(hashOf(sdl), 'start');
    return { supergraphSdl: sdl };
  };
}

function readQuietly(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // mid-replace or removed: the next event brings it back
  }
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
