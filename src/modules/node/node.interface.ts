/** `Node` and `Actor`: the interfaces every entity implements; concrete types are told by id prefix. */
import { Field, ID, InterfaceType } from 'type-graphql';
import { labelForId } from '../../graph/model';
import { ConnectionType } from '../common/connection.type';
import { Reported } from '../corroboration/reported.interface';

/** GraphQL type name for a stored record, from its id prefix (`nation:gbr` -> Nation). */
export function typeNameFor(value: { id: string }): string | undefined {
  return labelForId(value.id);
}

@InterfaceType({
  description: 'Anything with a stable, type-prefixed id such as `nation:gbr`.',
  resolveType: typeNameFor,
})
export abstract class Node {
  @Field(() => ID)
  id: string;
}

@InterfaceType({
  implements: [Node, Reported],
  description:
    'Anyone who can speak, attend, chair or take a stance: a nation, an official or an organization.',
  resolveType: typeNameFor,
})
export abstract class Actor extends Node {
  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'Other names and spellings, e.g. the ones a source used.' })
  aliases: string[];
}

export const ActorConnection = ConnectionType(Actor, 'Actor');
