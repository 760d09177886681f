/**
 * The network statement (src/modules/network/network.cypher.ts) without a database: every shape it
 * takes keeps user values in parameters and names only the model's labels and types, and asks for
 * one link more than the cap, so "too big" is told apart from "exactly at the cap". Values synthetic.
 */
import { MAX_NETWORK_SIZE, networkQuery, type NetworkScope } from '../../src/modules/network/network.cypher';
import { NetworkKind } from '../../src/modules/network/network.type';
import { expectKnownVocabulary, expectOnlyInParams, HOSTILE_VALUES } from './helpers/cypher-safety';

const SCOPES: NetworkScope[] = [
  { kind: 'all' },
  { kind: 'among', actorIds: HOSTILE_VALUES },
  { kind: 'touching', actorIds: HOSTILE_VALUES },
];

describe('networkQuery', () => {
  for (const kind of Object.values(NetworkKind)) {
    for (const scope of SCOPES) {
      it(`${kind}, ${scope.kind}: values only as parameters, labels only from the model`, () => {
        const query = networkQuery({
          kind,
          from: '2025-04-01',
          to: '2025-04-30',
          topic: HOSTILE_VALUES[1],
          scope,
        });
        expectKnownVocabulary(query);
        expectOnlyInParams(query, [HOSTILE_VALUES[1], '2025-04-01', '2025-04-30']);
        if (scope.kind !== 'all') expectOnlyInParams(query, HOSTILE_VALUES);
        expect(Number(query.params.limit)).toBe(MAX_NETWORK_SIZE + 1);
        expect(query.cypher).toMatchSnapshot();
      });
    }
  }

  it('leaves out the conditions that were not asked for', () => {
    const query = networkQuery({
      kind: NetworkKind.CO_ATTENDANCE,
      from: null,
      to: null,
      topic: null,
      scope: { kind: 'all' },
    });
    expect(query.cypher).not.toContain('$from');
    expect(query.cypher).not.toContain('$to');
    expect(query.cypher).not.toContain('$topic');
  });
});
