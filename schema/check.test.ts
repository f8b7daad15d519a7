import { describe, expect, it } from 'vitest';
import { compareSupergraphs, readAnnounced } from './check.js';
import { composeSupergraph, registrySdl } from './compose.js';

/**
 * The schema check on real compositions of the registry: one with the taxonomy's SDL changed
 * against one as committed. A removed query field is a break, reported until it is announced;
 * an added field is safe.
 */

const current = registrySdl();
const composed = (edit: (taxonomySdl: string) => string) =>
  composeSupergraph({ subgraphs: current.map((s) => (s.name === 'taxonomy' ? { ...s, sdl: edit(s.sdl) } : s)) });
const base = composeSupergraph({ subgraphs: current });

describe('schema check', () => {
  it('reports a removed field as an unannounced breaking change', async () => {
    const without = composed((sdl) => sdl.replace(/^\s*countries: \[Country!\]!\n/m, '\n'));
    expect(without).not.toContain('countries: [Country!]!');
    const report = await compareSupergraphs(base, without, []);
    expect(report.unannounced.map((c) => [c.type, c.path])).toEqual([['FIELD_REMOVED', 'Query.countries']]);
  });

  it('lets an announced break pass, and only that one', async () => {
    const without = composed((sdl) => sdl.replace(/^\s*countries: \[Country!\]!\n/m, '\n'));
    const report = await compareSupergraphs(base, without, [
      { path: 'Query.countries', type: 'FIELD_REMOVED', reason: 'replaced by regions(country:) long ago' },
    ]);
    expect(report.changes.length).toBeGreaterThan(0);
    expect(report.unannounced).toEqual([]);
  });

  it('passes a safe change (a new field) and lists it as non-breaking', async () => {
    const withMore = composed((sdl) => sdl.replace(/^(\s*)countries: \[Country!\]!\n/m, '$1countries: [Country!]!\n$1memberCount: Int!\n'));
    const report = await compareSupergraphs(base, withMore, []);
    expect(report.changes.map((c) => [c.type, c.path, c.criticality.level])).toEqual([['FIELD_ADDED', 'Query.memberCount', 'NON_BREAKING']]);
    expect(report.unannounced).toEqual([]);
  });

  it('sees no change between the registry and itself, and ignores federation internals', async () => {
    expect((await compareSupergraphs(base, base, [])).changes).toEqual([]);
  });

  it('reads the committed announcements file', () => {
    expect(Array.isArray(readAnnounced())).toBe(true);
  });
});
