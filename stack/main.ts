import { createCache } from '../core/cache/index.js';
import { loadConfigOrExit } from '../core/config.js';
import { closeOnSignal } from '../core/lifecycle.js';
import { createLogger } from '../core/log.js';
import { setupTracing } from '../core/tracing.js';
import { cacheLine } from '../core/banner.js';
import { fromRoot } from '../core/paths.js';
import { startWholeStack } from './stack.js';

/**
 * `npm start`: the simulated national systems, every registered subgraph and the gateway in one
 * process, on their default ports, with Redis when REDIS_URL is set and an in-process cache
 * otherwise. Prints where to go.
 */
const config = loadConfigOrExit();
const logger = createLogger('stack', config.logLevel);
const tracing = setupTracing({ serviceName: 'lmis-stack', otlpEndpoint: config.otlpEndpoint });
const newCache = (namespace: string, maxBytes?: number) => createCache({ redisUrl: config.redisUrl, namespace, logger, ...(maxBytes ? { maxBytes } : {}) });

const stack = await startWholeStack({ config, logger, newCache, supergraphPath: fromRoot('schema/supergraph.graphql') });
closeOnSignal(logger, [async () => tracing?.shutdown(), ...stack.closers]);

const line = '─'.repeat(64);
const probe = newCache('banner');
console.log(`\n${line}\n LMIS Gateway is up (${await cacheLine(probe, config.redisUrl)})\n`);
await probe.close();
console.log(`   GraphQL endpoint  ${stack.gatewayUrl}`);
if (config.ideEnabled) console.log(`   GraphQL IDE       ${stack.ideUrl}`);
for (const s of stack.services) console.log(`   ${s.name.padEnd(16)}  ${s.url}`);
console.log(`\n Try: curl -s ${stack.gatewayUrl} -H 'content-type: application/json' \\`);
console.log(`   -d '{"query":"{ occupation(iscoCode: \\"7212\\") { title(lang: \\"th\\") parent { title } } }"}'`);
console.log(` Stop with Ctrl+C.\n${line}\n`);
