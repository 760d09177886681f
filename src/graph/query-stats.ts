/**
 * Per-request count of Cypher round trips. The N+1 guarantee is that this number depends on the
 * shape of a GraphQL request, never on how many results it returns; tests and benchmarks read it.
 */
export class QueryStats {
  roundTrips = 0;
  readonly statements: string[] = [];

  record(cypherText: string): void {
    this.roundTrips += 1;
    // Keep only a short label: enough to see which loaders ran, never the parameters.
    this.statements.push(cypherText.trim().split('\n')[0].slice(0, 80));
  }
}
