import { loadConfig } from '../core/config.js';
import { closeOnSignal } from '../core/lifecycle.js';
import { createLogger } from '../core/log.js';
import { topology } from '../stack/topology.js';
import { startNamedSimulator } from './launch.js';

/**
 * `npm run simulator -- <country>`: one simulated national system on its default port
 * (SIM_<COUNTRY>_PORT), with seed, size, latency and error rate from SIM_* settings.
 */
const name = process.argv[2];
const config = loadConfig();
const known = topology(config).simulators;
const target = known.find((s) => s.name === name);
if (!target) {
  console.error(`usage: npm run simulator -- <${known.map((s) => s.name).join('|')}>`);
  process.exit(2);
}
const logger = createLogger(`sim:${target.name}`, config.logLevel);
const sim = await startNamedSimulator(target.name, { ...config.simulator, port: target.port, host: config.host, logger });
logger.info({ url: sim.url, size: config.simulator.size, seed: config.simulator.seed }, `${target.name} simulator listening; API description at ${sim.url}/openapi.json`);
closeOnSignal(logger, [() => sim.close()]);
