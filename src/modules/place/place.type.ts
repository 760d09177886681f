/** A place: a city, a venue (NATO headquarters), a region. */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { z } from 'zod';
import { PlaceKind as PlaceKindFormat } from '../../ingest/document.format';
import { Reported } from '../corroboration/reported.interface';
import { Node } from '../node/node.interface';

/** The document format's values: the API can't offer or accept a value the format lacks. */
export const PlaceKind = PlaceKindFormat.enum;
export type PlaceKind = z.infer<typeof PlaceKindFormat>;
registerEnumType(PlaceKind, { name: 'PlaceKind' });

@ObjectType({ implements: [Node, Reported] })
export class Place extends Node {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  name: string;

  @Field(() => [String])
  aliases: string[];

  @Field(() => PlaceKind)
  kind: PlaceKind;
}
