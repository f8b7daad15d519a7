import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether a question selects any of `fields` under the field path `under` (fragments followed):
 * lets a resolver skip a costly part nobody asked for — e.g. labourMarketStats calls the
 * countries for training figures only when a cell's training fields are selected.
 */
export function selectsAny(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, under: readonly string[], fields: ReadonlySet<string>): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && walk(node.selectionSet, under, fields, info.fragments));
}

function walk(set: SelectionSetNode, path: readonly string[], fields: ReadonlySet<string>, fragments: Record<string, FragmentDefinitionNode>): boolean {
  return set.selections.some((s) => {
    if (s.kind === 'InlineFragment') return walk(s.selectionSet, path, fields, fragments);
    if (s.kind === 'FragmentSpread') {
      const fragment = fragments[s.name.value];
      return fragment !== undefined && walk(fragment.selectionSet, path, fields, fragments);
    }
    const [next, ...rest] = path;
    if (next === undefined) return fields.has(s.name.value);
    return s.name.value === next && s.selectionSet !== undefined && walk(s.selectionSet, rest, fields, fragments);
  });
}
