import { loadConfigOrExit } from '../core/config.js';
import { closeOnSignal } from '../core/lifecycle.js';
import { createLogger } from '../core/log.js';
import { countrySubgraphs } from '../schema/registry.js';
import { simulatorPort } from '../stack/topology.js';
import { describeSimulator } from './describe.js';
import { startNamedSimulator } from './launch.js';

/**
 * `npm run simulator -- <country>`: one simulated national system on its manifest's port
 * (`upstream.simulatorPort`, moved by SIM_PORT_BASE), with seed, size, latency and error rate from SIM_* settings.
 * `npm run simulator -- <country> --describe`: print the distributions of the data it would
 * generate (the tables in its README) and exit.
 */
const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--'));
const config = loadConfigOrExit();
const known = countrySubgraphs().map((c) => ({ name: c.manifest.upstream.simulator, port: simulatorPort(c.manifest, config), currency: c.manifest.currency }));
const target = known.find((s) => s.name === name);
if (!target) {
  console.error(`usage: npm run simulator -- <${known.map((s) => s.name).join('|')}> [--describe]`);
  process.exit(2);
}

if (args.includes('--describe')) {
  console.log(await describeSimulator(target.name, target.currency, config.simulator.seed, config.simulator.size));
} else {
  const logger = createLogger(`sim:${target.name}`, config.logLevel);
  const sim = await startNamedSimulator(target.name, { ...config.simulator, port: target.port, host: config.host, logger });
  logger.info({ url: sim.url, size: config.simulator.size, seed: config.simulator.seed }, `${target.name} simulator listening; API description at ${sim.url}/openapi.json`);
  closeOnSignal(logger, [() => sim.close()]);
}
