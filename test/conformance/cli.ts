import { parseArgs } from 'node:util';
import { loadConfig } from '../../core/config.js';
import { countrySubgraphs, readCountryManifest, readSubgraphList, subgraphEntry } from '../../schema/registry.js';
import { subgraphUrl } from '../../stack/topology.js';
import { introspectSdl } from '../../schema/sources.js';
import { postAdvance } from './advance.js';
import { runChecks, TAXONOMY_CHECK, type ConformanceTarget } from './checks.js';

/**
 * `npm run conformance -- --url http://host:port/graphql --secret <GATEWAY_SHARED_SECRET>`
 * runs the country conformance checks (checks.ts, the same ones the tests run) against a running
 * country subgraph and prints each check, pass or fail, with what to fix. Exit code 0 when all
 * pass, 1 when any fails, 2 on bad arguments.
 *
 * The country is taken from `--name <folder>` (its subgraphs/<folder>/subgraph.json) or from
 * `--country XX` (the type prefix is then read from the subgraph's own SDL, or `--type-prefix`).
 * The taxonomy is asked whether it knows the country: `--taxonomy-url`, else the registry's
 * taxonomy — for a registered country only, since that taxonomy serves exactly the registered
 * countries: an unregistered one (the template, a copy not yet registered) has the check left out,
 * saying so (`--no-taxonomy` leaves it out always). `--upstream-stats <url>` (a simulator's
 * /__sim/stats) lets the batching checks count upstream calls; `--advance <url>` (a simulator's
 * /__sim/advance) lets the last check make the national system change and follow the feed.
 */

const USAGE = `usage: npm run conformance -- --url <subgraph /graphql URL> [--secret <s>] (--name <folder> | --country XX [--type-prefix P])
                               [--taxonomy-url <url> | --no-taxonomy] [--upstream-stats <url>] [--advance <url>] [--max-pages N]`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      secret: { type: 'string' },
      name: { type: 'string' },
      country: { type: 'string' },
      'type-prefix': { type: 'string' },
      'taxonomy-url': { type: 'string' },
      'no-taxonomy': { type: 'boolean' },
      'upstream-stats': { type: 'string' },
      advance: { type: 'string' },
      'max-pages': { type: 'string' },
    },
  });
  if (!values.url || (!values.name && !values.country)) return usage('--url and one of --name or --country are required');
  const config = loadConfig();
  const secret = values.secret ?? config.gatewaySecret;
  const manifest = values.name ? readCountryManifest(values.name) : undefined;
  const country = manifest?.country ?? values.country!.toUpperCase();
  const typePrefix = manifest?.typePrefix ?? values['type-prefix'] ?? (await prefixFromSdl(values.url, secret));
  if (!typePrefix) return usage(`no "type <Prefix>Vacancy implements Vacancy" in ${values.url}'s SDL; pass --type-prefix`);
  const list = readSubgraphList();
  const registered = countrySubgraphs(list).some((c) => c.manifest.country === country);
  const taxonomyUrl = values['no-taxonomy']
    ? undefined
    : (values['taxonomy-url'] ?? (registered ? subgraphUrl(subgraphEntry('taxonomy', list), config) : undefined));
  const stats = values['upstream-stats'];
  const target: ConformanceTarget = {
    url: values.url,
    secret,
    country,
    typePrefix,
    ...(taxonomyUrl ? { taxonomyUrl } : {}),
    ...(stats ? { upstreamRequests: async () => ((await (await fetch(stats)).json()) as { total: number }).total } : {}),
    ...(values['max-pages'] ? { maxPages: Number(values['max-pages']) } : {}),
    ...(values.advance ? { advance: (changes: number) => postAdvance(values.advance!, changes) } : {}),
  };

  console.log(`Conformance of ${values.url} (country ${country}, types ${typePrefix}Vacancy / ${typePrefix}TrainingOffer)\n`);
  const results = await runChecks(target);
  for (const { check, passed, details } of results) {
    console.log(`${passed ? 'PASS' : 'FAIL'}  ${check.name}`);
    for (const line of details) console.log(`        ${passed ? 'note' : 'why '}: ${line}`);
    if (!passed) console.log(`        fix : ${check.fix}`);
  }
  if (!taxonomyUrl && !values['no-taxonomy'])
    console.log(
      `SKIP  ${TAXONOMY_CHECK.name}\n        note: ${country} is not registered in schema/supergraph.yaml, and the taxonomy serves the registered countries (register it, or pass --taxonomy-url)`,
    );
  const failed = results.filter((r) => !r.passed).length;
  console.log(`\n${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

/** The prefix of the one `type <P>Vacancy implements Vacancy` the subgraph publishes. */
async function prefixFromSdl(url: string, secret: string): Promise<string | undefined> {
  try {
    return /type (\w+)Vacancy implements Vacancy/.exec(await introspectSdl('under test', url, { secret }))?.[1];
  } catch {
    return undefined;
  }
}

function usage(problem: string): number {
  console.error(`${problem}\n${USAGE}`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(2);
  },
);
