import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/** Deepest nesting a query may reach (`listing { similar { listing { ... } } }` loops otherwise). */
export const MAX_DEPTH = 6;
/** Estimated work a query may ask for; the listing page asks for about 300. */
export const MAX_COST = 5000;

/** Lists and their size when the query does not say: a field inside costs once per element. */
const LIST_SIZES: Record<string, { default: number; max: number }> = {
  favourites: { default: 50, max: 100 },
  similar: { default: 4, max: 12 },
  media: { default: 10, max: 30 },
  photos: { default: 10, max: 30 },
  variants: { default: 9, max: 9 },
  priceHistory: { default: 10, max: 50 },
};
/** Fields that run a search of their own weigh more than a read. */
const FIELD_WEIGHTS: Record<string, number> = { similar: 25 };

/**
 * A validation rule: the estimated cost of the operation (every field once
 * per element of the lists around it) must stay under MAX_COST, so one
 * request cannot fan out into thousands of reads.
 */
export function costLimit(maxCost = MAX_COST) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

    const cost = (set: SelectionSetNode | undefined, multiplier: number, seen: Set<string>): number => {
      let total = 0;
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          const size = LIST_SIZES[name];
          const limitArg = selection.arguments?.find((a) => a.name.value === 'limit');
          const asked = limitArg?.value.kind === Kind.INT ? Number(limitArg.value.value) : limitArg ? size?.max : undefined;
          const elements = size ? Math.min(asked ?? size.default, size.max) : 1;
          total += multiplier * (FIELD_WEIGHTS[name] ?? 1) + cost(selection.selectionSet, multiplier * Math.max(1, elements), seen);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          total += cost(selection.selectionSet, multiplier, seen);
        } else {
          const name = selection.name.value;
          // a cycle of fragments is reported by graphql's own rule
          if (seen.has(name)) continue;
          total += cost(fragments.get(name)?.selectionSet, multiplier, new Set([...seen, name]));
        }
      }
      return total;
    };

    return {
      OperationDefinition(node) {
        const total = cost(node.selectionSet, 1, new Set());
        if (total > maxCost) {
          context.reportError(
            new GraphQLError(`The query is too expensive: about ${total} fields to resolve, at most ${maxCost}. Ask for fewer fields or smaller limits.`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_COMPLEX', cost: total, maxCost },
            }),
          );
        }
      },
    };
  };
}
