/**
 * The operators Neo4j would run for a statement (EXPLAIN, nothing executed): index tests assert a
 * read seeks an index instead of scanning a label or every node.
 */
import neo4j from 'neo4j-driver';
import type { CypherQuery } from '../../src/graph/cypher';
import type { GraphDatabase } from '../../src/graph/database';

interface Plan {
  operatorType: string;
  children: Plan[];
}

function operators(plan: Plan): string[] {
  return [plan.operatorType.split('@')[0], ...plan.children.flatMap(operators)];
}

/** Every operator of the statement's plan, outermost first, without the runtime suffix. */
export async function explainOperators(db: GraphDatabase, query: CypherQuery): Promise<string[]> {
  const session = db.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`EXPLAIN ${query.cypher}`, query.params);
    return operators(result.summary.plan as unknown as Plan);
  } finally {
    await session.close();
  }
}

/** The operators that read a whole label or every node. */
export const scans = (ops: string[]) => ops.filter((op) => op === 'AllNodesScan' || op === 'NodeByLabelScan');
