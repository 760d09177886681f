/**
 * Query limits from GraphQL Armor: depth, aliases and directives (tokens: see app.ts; cost:
 * cost-limit.plugin.ts, which needs the variables), checked while the
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
    // Cost is counted with the variables' values, after validation: see cost-limit.plugin.ts.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: hideSuggestions },
  });
  return armor.protect();
}

/** Armor's messages all say "... limit of N exceeded ..."; the formatter keys on this. */
export const ARMOR_REJECTION = /(limit of \d+ exceeded|Query Cost limit|contains more tha[nt] \d+ tokens)/i;
