/**
 * Query limits from GraphQL Armor: depth, aliases, directives and cost (tokens: see app.ts), checked while the
 * operation is parsed and validated, i.e. before any resolver (and any Cypher) runs. Rejections are
 * turned into QUERY_TOO_COMPLEX by the error formatter. Field suggestions are hidden where
 * introspection is off, so the schema can't be guessed field by field.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from '../../config';

export function armorProtection(limits: Config['limits'], hideSuggestions: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    // Tokens are limited by graphql-js itself (Apollo's parseOptions): Armor's token plugin turns
    // ordinary syntax errors into HTTP 500s.
    maxTokens: { enabled: false },
    costLimit: {
      maxCost: limits.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
      ignoreIntrospection: true,
    },
    blockFieldSuggestion: { enabled: hideSuggestions },
  });
  return armor.protect();
}

/** Armor's messages all say "... limit of N exceeded ..."; the formatter keys on this. */
export const ARMOR_REJECTION = /(limit of \d+ exceeded|Query Cost limit|contains more tha[nt] \d+ tokens)/i;
