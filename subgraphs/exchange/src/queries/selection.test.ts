import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsAny } from './selection.js';

/** Whether a question selects given fields under a path, through inline fragments and named ones. */
const infoOf = (query: string) => {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]));
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
};
const TRAINING = new Set(['trainingOffers', 'trainingSeats']);

describe('selectsAny', () => {
  it('finds a field under the path, directly or through fragments', () => {
    expect(selectsAny(infoOf('{ s { cells { vacancies trainingSeats } } }'), ['cells'], TRAINING)).toBe(true);
    expect(selectsAny(infoOf('{ s { cells { ... on Cell { trainingOffers } } } }'), ['cells'], TRAINING)).toBe(true);
    expect(selectsAny(infoOf('{ s { ...F } } fragment F on S { cells { trainingOffers } }'), ['cells'], TRAINING)).toBe(true);
  });
  it('does not count the same name elsewhere, or a question without it', () => {
    expect(selectsAny(infoOf('{ s { cells { vacancies } } }'), ['cells'], TRAINING)).toBe(false);
    expect(selectsAny(infoOf('{ s { trainingOffers cells { vacancies } } }'), ['cells'], TRAINING)).toBe(false);
  });
});
