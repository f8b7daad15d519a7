import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OccupationWithVacancies, request } from '../../examples/typed-client/src/occupation.js';
import { startStack, type TestStack } from '../harness/stack.js';
import { everySubgraph, registeredCountries } from '../harness/countries.js';

/** The typed client example (examples/typed-client) against a real stack. */
describe('examples/typed-client', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: everySubgraph() });
  }, 60_000);
  afterAll(async () => stack?.stop());

  it('gets typed data for an occupation, its parent group and its vacancies', async () => {
    const answer = await request(stack.gatewayUrl, OccupationWithVacancies, { isco: '7212', lang: 'en' });
    expect(answer.occupation?.iscoCode).toBe('7212');
    expect(answer.occupation?.parent?.title).toBeTruthy();
    expect(answer.occupation?.vacancies.sources.map((s) => s.status)).toEqual(registeredCountries().map(() => 'OK'));
    expect(answer.occupation?.vacancies.edges.length).toBeGreaterThan(0);
  });

  it('throws with the error code for a bad variable', async () => {
    await expect(request(stack.gatewayUrl, OccupationWithVacancies, { isco: '99999', lang: 'en' })).rejects.toThrow(/^HTTP 200: BAD_USER_INPUT /);
  });
});
