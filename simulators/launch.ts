import type { SimulatorOptions } from './core/types.js';
import type { RunningService } from '../core/service.js';
import { importProjectModule } from '../core/modules.js';

/** A simulator's options (simulators/core/types.ts). */
export type NamedSimulatorOptions = SimulatorOptions;

/** Imports `simulators/<name>/src/index.ts` and starts it: launchers need no change per country. */
export async function startNamedSimulator(name: string, options: NamedSimulatorOptions): Promise<RunningService> {
  if (!/^[a-z][a-z0-9_-]*$/.test(name)) throw new Error(`not a simulator name: "${name}"`);
  const module = await importProjectModule<{ startSimulator(opts: NamedSimulatorOptions): Promise<RunningService> }>(`simulators/${name}/src/index`);
  return module.startSimulator(options);
}
