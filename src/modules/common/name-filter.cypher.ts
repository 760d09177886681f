/**
 * Name matching shared by every `name`/`topic`/`place` filter: the folded words of the user's text
 * as a phrase against the `entity_names` full-text index (name and aliases, case- and
 * accent-insensitive). Returns a Cypher fragment that binds `variable` to the matching nodes.
 */
import type { Label } from '../../graph/model';
import { FULLTEXT } from '../../graph/schema';
import { lucenePhrase } from '../../graph/text';

export interface NameMatch {
  /** Cypher that binds `variable` to nodes of `label` whose name or alias contains the phrase. */
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * `param` names the query parameter (and the argument in errors) so several name filters can share
 * one statement. Text without a letter or digit is a client error rather than "match everything";
 * so is text over the full-text limits (see `searchTerms`).
 */
export function nameMatch(label: Label, variable: string, text: string, param: string): NameMatch {
  const phrase = lucenePhrase(text, param);
  return {
    cypher: `CALL db.index.fulltext.queryNodes('${FULLTEXT.names}', $${param}) YIELD node AS ${variable} WHERE ${variable}:${label}`,
    params: { [param]: phrase },
  };
}
