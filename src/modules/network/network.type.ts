/** Actor networks as the API returns them: nodes with their measures, weighted undirected edges. */
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../common/scalars';

export enum NetworkKind {
  CO_ATTENDANCE = 'CO_ATTENDANCE',
  CO_STANCE = 'CO_STANCE',
}
registerEnumType(NetworkKind, {
  name: 'NetworkKind',
  description: 'What links two actors in a network.',
  valuesConfig: {
    CO_ATTENDANCE: {
      description:
        'Both attended (participated in or chaired) the same meeting; weight = how many meetings they shared.',
    },
    CO_STANCE: {
      description:
        'Both took the same stance on the same topic; weight = how many (topic, stance) pairs they shared.',
    },
  },
});

@ObjectType({
  description:
    'An actor in a network. Nodes are nations, organizations, and officials with no nation on record: an official with a nation counts as that nation, as in `coAttendance` (a nation counts its officials).',
})
export class NetworkNode {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { description: 'Nation, Official or Organization.' })
  type: string;

  @Field(() => Int, { description: 'How many other actors in this network it is linked to.' })
  degree: number;

  @Field(() => Float, { description: 'The sum of the weights of its links.' })
  weightedDegree: number;

  @Field(() => Float, {
    description:
      'Normalized betweenness centrality, counting hops (weights ignored): the share of pairs of other actors in this network whose shortest connections pass through it, from 0 to 1.',
  })
  betweenness: number;

  @Field(() => Int, {
    description:
      'Louvain community (weighted, with a fixed seed: the same network gives the same communities). Numbered from 0 in the order of each community’s smallest member id.',
  })
  community: number;
}

@ObjectType({ description: 'An undirected link; `source` is the smaller id of the two.' })
export class NetworkEdge {
  @Field(() => ID)
  source: string;

  @Field(() => ID)
  target: string;

  @Field(() => Float)
  weight: number;
}

@ObjectType({
  description: 'A weighted actor network with per-node measures, computed on this network only.',
})
export class Network {
  @Field(() => NetworkKind)
  kind: NetworkKind;

  @Field(() => DateScalar, { nullable: true })
  from: string | null;

  @Field(() => DateScalar, { nullable: true })
  to: string | null;

  @Field(() => [NetworkNode], { description: 'By id.' })
  nodes: NetworkNode[];

  @Field(() => [NetworkEdge], { description: 'By source, then target.' })
  edges: NetworkEdge[];
}
