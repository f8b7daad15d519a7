import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../core/paths.js';
import { countrySchemaText, defineCountrySubgraph } from '../../subgraphs/kit/index.js';
import { testlandAdapter, testlandManifest } from './fake/adapter.js';

/** The country template is generic: any number of countries compose beside the taxonomy. */
describe('country template', () => {
  it('composes two countries built from the same contract with the taxonomy subgraph', () => {
    const adapter = testlandAdapter();
    const otherSdl = adapter.typeDefs.replaceAll('Testland', 'Otherland');
    const result = composeServices([
      { name: 'testland', url: 'http://127.0.0.1:1/graphql', typeDefs: parse(countrySchemaText(testlandManifest, adapter.typeDefs)) },
      { name: 'otherland', url: 'http://127.0.0.1:2/graphql', typeDefs: parse(countrySchemaText({ name: 'otherland', typePrefix: 'Otherland' }, otherSdl)) },
      { name: 'taxonomy', url: 'http://127.0.0.1:3/graphql', typeDefs: parse(readFileSync(fromRoot('subgraphs/taxonomy/src/schema.graphql'), 'utf8')) },
    ]);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    expect(result.supergraphSdl).toContain('type TestlandVacancy implements Vacancy');
    expect(result.supergraphSdl).toContain('type OtherlandVacancy implements Vacancy');
  });

  it('refuses, at definition time, an adapter whose SDL lacks its entity types', () => {
    const broken = { ...testlandAdapter(), typeDefs: 'type TestlandExtra { id: ID! }' };
    expect(() => defineCountrySubgraph(broken)).toThrow(/must define TestlandVacancy and TestlandTrainingOffer/);
  });
});
