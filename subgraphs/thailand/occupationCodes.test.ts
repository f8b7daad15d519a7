import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../../test/harness/stack.js';

/**
 * Thailand's DOE codes are built on ISCO-88, through the gateway: they map to ISCO-08 by the ILO
 * correspondence, also where ISCO-08 split an ISCO-88 unit group.
 */
describe('Thai DOE codes through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ subgraphs: ['taxonomy'] });
  });
  afterAll(async () => stack?.stop());

  it('maps by the ILO correspondence (ISCO-88 6112 tree and shrub crop growers → ISCO-08 6112, 6113 → 6113)', async () => {
    const answer = await stack.query<{ a: { iscoCode: string } | null; b: { iscoCode: string } | null }>(
      `{ a: occupationByNationalCode(system: "TH-DOE-ISCO88", code: "611210") { iscoCode } b: occupationByNationalCode(system: "TH-DOE-ISCO88", code: "611310") { iscoCode } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ a: { iscoCode: '6112' }, b: { iscoCode: '6113' } });
  });
});
