import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../core/paths.js';
import { countrySchemaText, defineCountrySubgraph } from '../../subgraphs/kit/index.js';
import { adapter as templateAdapter } from '../../subgraphs/_template/src/subgraph.js';

/**
 * The country template (subgraphs/_template, what a partner copies) is generic: any number of
 * copies compose beside the taxonomy, and a copy whose SDL was not renamed fails at once.
 */
describe('country template', () => {
  it('composes two countries built from the same contract with the taxonomy subgraph', () => {
    const { manifest, typeDefs } = templateAdapter;
    const otherSdl = typeDefs.replaceAll('Template', 'Otherland');
    const result = composeServices([
      { name: manifest.name, url: 'http://127.0.0.1:1/graphql', typeDefs: parse(countrySchemaText(manifest, typeDefs)) },
      { name: 'otherland', url: 'http://127.0.0.1:2/graphql', typeDefs: parse(countrySchemaText({ name: 'otherland', typePrefix: 'Otherland' }, otherSdl)) },
      { name: 'taxonomy', url: 'http://127.0.0.1:3/graphql', typeDefs: parse(readFileSync(fromRoot('subgraphs/taxonomy/src/schema.graphql'), 'utf8')) },
    ]);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    expect(result.supergraphSdl).toContain('type TemplateVacancy implements Vacancy');
    expect(result.supergraphSdl).toContain('type OtherlandVacancy implements Vacancy');
  });

  it('refuses, at definition time, a copy whose manifest was renamed but whose SDL was not', () => {
    const copy = { ...templateAdapter, manifest: { ...templateAdapter.manifest, name: 'vietnam', typePrefix: 'Vietnam' } };
    expect(() => defineCountrySubgraph(copy)).toThrow(/must define VietnamVacancy and VietnamTrainingOffer/);
  });
});
