import type { Logger } from './log.js';

/**
 * Graceful shutdown for a process running one or more services: on SIGINT/SIGTERM close them in
 * reverse start order (the gateway before the subgraphs it calls, subgraphs before their
 * upstreams), then run the extra cleanups (cache connections), then exit.
 */
export function closeOnSignal(logger: Logger, closers: Array<() => Promise<void>>): void {
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const close of [...closers].reverse()) {
      await close().catch((error: unknown) => logger.error({ err: error }, 'error while closing'));
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
