import { Kind, parse, print, visit, type FieldDefinitionNode } from 'graphql';

/**
 * The vacancy fields every country's search hit already carries, which the exchange hands to the
 * gateway itself (`@provides`): a cross-border list showing only these costs no entity fetch
 * from the countries, one hop fewer on every cold page. Both sides are built from this list: the
 * kit marks these fields `@shareable` in every country's SDL, the exchange declares them
 * `@external` on its reference stubs and provides them on every field returning a Vacancy. The
 * values agree by construction — both come from the same translated record.
 */
export const PROVIDED_VACANCY_FIELDS = [
  { name: 'title', type: 'String!', selection: 'title' },
  { name: 'postedAt', type: 'String!', selection: 'postedAt' },
  { name: 'country', type: 'Country!', selection: 'country { code }' },
  { name: 'occupation', type: 'Occupation', selection: 'occupation { iscoCode }' },
  { name: 'region', type: 'Region', selection: 'region { code }' },
  { name: 'skills', type: '[Skill!]!', selection: 'skills { id }' },
] as const;

const PROVIDED = new Map<string, string>(PROVIDED_VACANCY_FIELDS.map((f) => [f.name, f.type]));

/** The country's own SDL with the provided fields of its vacancy type marked `@shareable`. */
export function withProvidedFieldsShareable(ownSdl: string, vacancyType: string): string {
  const marked = new Set<string>();
  let found = false;
  const document = visit(parse(ownSdl), {
    // Only the vacancy type's own fields: every other type (interfaces included) is skipped whole.
    ObjectTypeDefinition: (node) => (node.name.value === vacancyType ? void (found = true) : false),
    ObjectTypeExtension: () => false,
    InterfaceTypeDefinition: () => false,
    InterfaceTypeExtension: () => false,
    FieldDefinition: (field) => {
      const expected = PROVIDED.get(field.name.value);
      if (expected === undefined) return undefined;
      if (print(field.type) !== expected) throw new Error(`${vacancyType}.${field.name.value} must be ${expected} (the contract's type), not ${print(field.type)}`);
      marked.add(field.name.value);
      return shareable(field);
    },
  });
  // A missing type is reported by the kit's own check (define.ts), with the adapter's name.
  const missing = found ? [...PROVIDED.keys()].filter((name) => !marked.has(name)) : [];
  if (missing.length) throw new Error(`${vacancyType} lacks the contract's fields ${missing.join(', ')}`);
  return print(document);
}

function shareable(field: FieldDefinitionNode): FieldDefinitionNode {
  if (field.directives?.some((d) => d.name.value === 'shareable')) return field;
  return { ...field, directives: [...(field.directives ?? []), { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'shareable' } }] };
}
