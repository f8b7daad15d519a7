import { readFileSync } from 'node:fs';
import { fromRoot } from '../../core/paths.js';
import { withProvidedFieldsShareable } from './provided.js';

/**
 * A country subgraph's full SDL: the federation link, the shared contract, then the country's
 * own types, whose vacancy fields the exchange provides are marked `@shareable` (./provided.ts).
 * `npm run compose` writes the same text to subgraphs/<name>/generated/schema.graphql.
 */

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@inaccessible"])';

let contract: string | undefined;

/** The contract SDL (subgraphs/kit/contract/country.graphql), read once. */
export function contractText(): string {
  contract ??= readFileSync(fromRoot('subgraphs/kit/contract/country.graphql'), 'utf8');
  return contract;
}

export function countryTypeNames(manifest: { typePrefix: string }): { vacancy: string; training: string } {
  return { vacancy: `${manifest.typePrefix}Vacancy`, training: `${manifest.typePrefix}TrainingOffer` };
}

export function countrySchemaText(manifest: { name: string; typePrefix: string }, ownSdl: string): string {
  return [
    `# GENERATED for the ${manifest.name} subgraph by schema/sdl/country.ts — do not edit.`,
    FEDERATION_LINK,
    '',
    contractText().trimEnd(),
    '',
    `# ---- ${manifest.name}: own types ${'-'.repeat(Math.max(0, 78 - manifest.name.length - 20))}`,
    withProvidedFieldsShareable(ownSdl, countryTypeNames(manifest).vacancy).trim(),
    '',
  ].join('\n');
}
