/** A Cypher statement with its parameters: the only shape in which Cypher travels through the code. */
export interface CypherQuery {
  readonly cypher: string;
  readonly params: Record<string, unknown>;
}

export function cypher(text: string, params: Record<string, unknown> = {}): CypherQuery {
  return { cypher: text, params };
}
