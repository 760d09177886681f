/** An organization or coalition: an alliance, a contact group, a "coalition of the willing". */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { z } from 'zod';
import { OrganizationKind as OrganizationKindFormat } from '../../ingest/document.format';
import { ConnectionType } from '../common/connection.type';
import { NAME_ORDER_CHOICES, listOrder } from '../common/list-order';
import { NameFilterType } from '../common/name-filter.type';
import { Reported } from '../corroboration/reported.interface';
import { Actor, Node } from '../node/node.interface';

/** The document format's values: the API can't offer or accept a value the format lacks. */
export const OrganizationKind = OrganizationKindFormat.enum;
export type OrganizationKind = z.infer<typeof OrganizationKindFormat>;
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

@ObjectType({ implements: [Node, Actor, Reported] })
export class Organization extends Actor {
  @Field(() => ID)
  declare id: string;

  @Field(() => String)
  declare name: string;

  @Field(() => [String])
  declare aliases: string[];

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, when known.' })
  wikidata: string | null;
}

export const OrganizationConnection = ConnectionType(Organization, 'Organization');

export const OrganizationOrder = listOrder(
  'OrganizationOrder',
  'How `organizations` are ordered.',
  NAME_ORDER_CHOICES,
  'NAME_ASC',
);
export type OrganizationOrder = keyof typeof NAME_ORDER_CHOICES;

export const OrganizationFilter = NameFilterType('OrganizationFilter');
export type OrganizationFilter = InstanceType<typeof OrganizationFilter>;
