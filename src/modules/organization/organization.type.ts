/** An organization or coalition: an alliance, a contact group, a "coalition of the willing". */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../common/connection.type';
import { Actor, Node } from '../node/node.interface';

export enum OrganizationKind {
  ALLIANCE = 'ALLIANCE',
  COALITION = 'COALITION',
  CONTACT_GROUP = 'CONTACT_GROUP',
  INTERNATIONAL_ORGANIZATION = 'INTERNATIONAL_ORGANIZATION',
  GOVERNMENT_BODY = 'GOVERNMENT_BODY',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

@ObjectType({ implements: [Node, Actor] })
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

@InputType()
export class OrganizationFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Words of the name or any alias, case- and accent-insensitive.',
  })
  name?: string | null;
}
