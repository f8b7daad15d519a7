import { describe, expect, it } from 'vitest';
import { composeSupergraph, registrySdl } from './compose.js';
import { readSubgraphList } from './registry.js';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable"])';

describe('composition', () => {
  it('composes every registered subgraph, routed at the URLs given', () => {
    const names = readSubgraphList().subgraphs.map((s) => s.name);
    const urls = Object.fromEntries(names.map((name, i) => [name, `http://127.0.0.1:${9000 + i}/graphql`]));
    const supergraph = composeSupergraph({ subgraphs: registrySdl(urls) });
    for (const [name, url] of Object.entries(urls)) expect(supergraph).toContain(`name: "${name}", url: "${url}"`);
  });

  it('fails with every composition error, each with its code', () => {
    const a = { name: 'a', url: 'http://a/graphql', sdl: `${LINK}\ntype Query { thing: Thing } type Thing { id: ID! }` };
    const b = { name: 'b', url: 'http://b/graphql', sdl: `${LINK}\ntype Query { other: Thing } type Thing { id: String! }` };
    expect(() => composeSupergraph({ subgraphs: [a, b] })).toThrow(/Composition failed \(\d+ errors?\):\n {2}- \[[A-Z_]+\] .*Thing/);
  });

  it('names the subgraph whose SDL does not parse', () => {
    expect(() => composeSupergraph({ subgraphs: [{ name: 'broken', url: 'http://x/graphql', sdl: 'type Query {' }] })).toThrow(/subgraph "broken" does not parse/);
  });
});
