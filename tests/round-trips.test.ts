/**
 * No N+1: the number of Cypher round trips depends on the shape of a request, never on how many
 * results it has (per-request batching: one UNWIND statement per relation and depth).
 */
import { loadSyntheticGraph } from './helpers/synthetic';
import { startTestApi, type TestApi } from './helpers/start-api';

const STATEMENTS_WITH_SPEAKERS = `query Q($first: Int) {
  statements(first: $first) {
    nodes {
      text
      speaker { name ... on Official { nation { name iso3 } positions(first: 5) { nodes { stance topic { name } } } } }
      evidence { excerpt source { title } }
    }
  }
}`;

describe('Cypher round trips per request', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false });
    await loadSyntheticGraph(api.api, { documents: 20, nations: 20, officialsPerNation: 3 });
  }, 180_000);
  afterAll(() => api.stop());

  async function roundTrips(first: number): Promise<{ roundTrips: number; count: number }> {
    const response = await api.query<{ statements: { nodes: unknown[] } }>(STATEMENTS_WITH_SPEAKERS, {
      first,
    });
    expect(response.errors).toBeUndefined();
    return {
      roundTrips: (response.extensions?.queryStats as { roundTrips: number }).roundTrips,
      count: response.data!.statements.nodes.length,
    };
  }

  it('are the same for 100 statements with speaker, nation and positions as for 2', async () => {
    const small = await roundTrips(2);
    const large = await roundTrips(100);
    expect(small.count).toBe(2);
    expect(large.count).toBe(100);
    expect(large.roundTrips).toBe(small.roundTrips);
    // Statements with speaker, nation, evidence and source: one statement (fetched ahead); the
    // positions connection and the topics under it: one batched statement each.
    expect(large.roundTrips).toBe(3);
  });

  it('are the same for the connection twins of 100 parents as for 2', async () => {
    const query = `query Q($first: Int) {
      meetings(first: $first) {
        nodes {
          participantsConnection(first: 3) { totalCount nodes { name } }
          evidenceConnection(first: 2) { totalCount nodes { excerpt } }
        }
      }
      nations(first: $first) { nodes { officialsConnection(first: 2) { totalCount nodes { name } } } }
    }`;
    const run = async (first: number) => {
      const response = await api.query<{ meetings: { nodes: unknown[] } }>(query, { first });
      expect(response.errors).toBeUndefined();
      return {
        roundTrips: (response.extensions?.queryStats as { roundTrips: number }).roundTrips,
        count: response.data!.meetings.nodes.length,
      };
    };
    const [small, large] = [await run(2), await run(100)];
    expect(small.count).toBe(2);
    // Every meeting of the synthetic graph: 40 reported, of which same-event matching may join a
    // few (one convener, adjacent days, a shared participant: docs/corroboration.md).
    expect(large.count).toBeGreaterThanOrEqual(30);
    // Two root pages, then one batched statement for each of the three connections.
    expect(small.roundTrips).toBe(5);
    expect(large.roundTrips).toBe(small.roundTrips);
  });
});
