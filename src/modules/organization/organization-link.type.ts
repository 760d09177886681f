/**
 * Membership and leadership as records: who belongs to or leads an organization, with the
 * excerpts that say so ("says who?" for "led by France and Britain").
 */
import { Field, ObjectType } from 'type-graphql';
import { Evidence } from '../evidence/evidence.type';
import { Nation } from '../nation/nation.type';
import { Actor } from '../node/node.interface';

@ObjectType({ description: 'A nation that is a member of an organization, and the excerpts that attest it.' })
export class Membership {
  @Field(() => Nation)
  nation: Nation;

  @Field(() => [Evidence])
  evidence: Evidence[];
}

@ObjectType({ description: 'An actor that leads an organization, and the excerpts that attest it.' })
export class Leadership {
  @Field(() => Actor)
  leader: Actor;

  @Field(() => [Evidence])
  evidence: Evidence[];
}
