/**
 * Actor networks as a use-case: check the request, read the bounded links in one statement (one
 * more per hop for an ego network), then measure the network in process (network-measures.ts).
 * Shared by the GraphQL queries and the GraphML/GEXF export routes, so both answer alike.
 */
import { BadUserInputError, NotFoundError } from '../../errors';
import type { GraphReader } from '../../graph/graph-reader';
import { actorLabelForId, Label, labelForId } from '../../graph/model';
import { MAX_NETWORK_SIZE, networkQuery, type NetworkRow, type NetworkScope } from './network.cypher';
import { measuredNetwork, type MeasuredNetwork } from './network-measures';
import { NetworkKind, type Network } from './network.type';

export const MAX_EGO_DEPTH = 3;

export interface NetworkRequest {
  kind: NetworkKind;
  from: string | null;
  to: string | null;
  /** Only links among these actors (each counted as its network node), or null for everyone. */
  actors: readonly string[] | null;
  topic: string | null;
}

export interface EgoNetworkRequest {
  actor: string;
  depth: number;
  kind: NetworkKind;
  from: string | null;
  to: string | null;
}

/** A measured network and what it was asked for. */
export interface NetworkResult {
  kind: NetworkKind;
  from: string | null;
  to: string | null;
  graph: MeasuredNetwork;
}

export class NetworkService {
  constructor(private readonly reader: GraphReader) {}

  async network(request: NetworkRequest): Promise<NetworkResult> {
    checkRange(request.from, request.to);
    if (request.topic !== null && labelForId(request.topic) !== Label.Topic) {
      throw new BadUserInputError('`topic` must be the id of a topic (e.g. topic:us-involvement).', {
        argument: 'topic',
      });
    }
    if (request.actors !== null) checkActorIds(request.actors);
    const scope: NetworkScope =
      request.actors === null ? { kind: 'all' } : { kind: 'among', actorIds: request.actors };
    const row = await this.read(request, request.topic, scope, 'narrow the period, or list fewer actors');
    return this.result(request, row);
  }

  /**
   * The actor, its neighbours up to `depth` hops and the links among them. Each hop is one
   * statement (the links touching the newest ring of neighbours), then one for the links among them
   * all: at most depth + 1 round trips, each bounded, whatever the size of the whole graph.
   */
  async egoNetwork(request: EgoNetworkRequest): Promise<NetworkResult> {
    checkRange(request.from, request.to);
    if (!Number.isInteger(request.depth) || request.depth < 1 || request.depth > MAX_EGO_DEPTH) {
      throw new BadUserInputError(`\`depth\` must be 1, 2 or ${MAX_EGO_DEPTH} hops.`, { argument: 'depth' });
    }
    checkActorIds([request.actor], 'actor');
    const tooBig = 'narrow the period, or ask for fewer hops (`depth`)';
    const first = await this.read(request, null, { kind: 'touching', actorIds: [request.actor] }, tooBig);
    const ego = first.memberIds[0];
    const reached = new Set<string>([ego]);
    let ring = addNeighbours(reached, first);
    for (let hop = 2; hop <= request.depth && ring.length > 0; hop += 1) {
      const row = await this.read(request, null, { kind: 'touching', actorIds: ring }, tooBig);
      ring = addNeighbours(reached, row);
    }
    if (reached.size > MAX_NETWORK_SIZE) throw networkTooBig(tooBig);
    const whole = await this.read(request, null, { kind: 'among', actorIds: [...reached] }, tooBig);
    return this.result(request, whole);
  }

  private async read(
    request: { kind: NetworkKind; from: string | null; to: string | null },
    topic: string | null,
    scope: NetworkScope,
    howToNarrow: string,
  ): Promise<NetworkRow> {
    const rows = await this.reader.read(
      networkQuery({ kind: request.kind, from: request.from, to: request.to, topic, scope }),
    );
    const row = rows[0] as unknown as NetworkRow;
    if (row.missing.length > 0) {
      const shown = row.missing.slice(0, 5).map((id) => `"${id.slice(0, 100)}"`);
      throw new NotFoundError(
        `No actor has the id ${shown.join(', ')}${row.missing.length > 5 ? ` (and ${row.missing.length - 5} more)` : ''}.`,
        { ids: row.missing.slice(0, 5) },
      );
    }
    if (!row.topicFound)
      throw new NotFoundError(`No topic has the id "${topic!.slice(0, 100)}".`, { id: topic });
    if (row.edges.length > MAX_NETWORK_SIZE || row.nodes.length > MAX_NETWORK_SIZE)
      throw networkTooBig(howToNarrow);
    return row;
  }

  private result(request: { kind: NetworkKind; from: string | null; to: string | null }, row: NetworkRow) {
    return { kind: request.kind, from: request.from, to: request.to, graph: measuredNetwork(row) };
  }
}

/** The GraphQL shape of a measured network: nodes by id, edges by source then target. */
export function networkAnswer(result: NetworkResult): Network {
  const { graph } = result;
  return {
    kind: result.kind,
    from: result.from,
    to: result.to,
    nodes: graph.mapNodes((id, attributes) => ({ id, ...attributes })),
    edges: graph.mapEdges((_edge, attributes, source, target) => ({
      source,
      target,
      weight: attributes.weight,
    })),
  };
}

/** Adds the neighbours the row's links reach to `reached`, and returns the new ones: the next ring. */
function addNeighbours(reached: Set<string>, row: NetworkRow): string[] {
  const ring: string[] = [];
  for (const edge of row.edges) {
    for (const id of [edge.source, edge.target]) {
      if (!reached.has(id)) {
        reached.add(id);
        ring.push(id);
      }
    }
  }
  return ring;
}

function networkTooBig(howToNarrow: string): BadUserInputError {
  return new BadUserInputError(
    `The network has more than ${MAX_NETWORK_SIZE} links or actors, the most one answer holds: ${howToNarrow}.`,
    { limit: MAX_NETWORK_SIZE },
  );
}

function checkRange(from: string | null, to: string | null): void {
  if (from !== null && to !== null && from > to) {
    throw new BadUserInputError(`\`from\` (${from}) is after \`to\` (${to}): swap them.`, {
      argument: 'from',
    });
  }
}

function checkActorIds(ids: readonly string[], argument = 'actors'): void {
  if (ids.length === 0) {
    throw new BadUserInputError('`actors` must list at least one actor id, or be left out for everyone.', {
      argument,
    });
  }
  if (ids.length > MAX_NETWORK_SIZE) {
    throw new BadUserInputError(`\`actors\` may list at most ${MAX_NETWORK_SIZE} ids.`, { argument });
  }
  const wrong = ids.find((id) => !actorLabelForId(id));
  if (wrong !== undefined) {
    throw new BadUserInputError(
      `\`${argument}\` must hold ids of nations, officials or organizations (e.g. nation:gbr); "${wrong.slice(0, 100)}" is not one.`,
      { argument },
    );
  }
}
