/** The change log as the API shows it: what changed, in commit order, for clients that sync. */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ChangeKind } from '../../graph/change-log.cypher';
import { Node } from '../node/node.interface';
import { PageInfo } from '../common/connection.type';

registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What a write did to its subject.',
  valuesConfig: {
    FACT_RECORDED: {
      description:
        'A meeting, statement or position was recorded, or changed (new report, correction, rating).',
    },
    ENTITY_UPSERTED: {
      description: 'A nation, official, organization, role, topic, place or source was added or changed.',
    },
    FACT_RETRACTED: {
      description: 'A fact was retracted: it leaves normal reads (`subject` still shows it).',
    },
    ENTITIES_MERGED: {
      description: '`otherId` was merged into `subjectId`; `otherId` is now an alias of it.',
    },
  },
});

@ObjectType({ description: 'One entry of the change log: what one write did to one node.' })
export class Change {
  @Field(() => ChangeKind)
  kind: ChangeKind;

  @Field(() => ID, { description: 'The node changed; for a merge, the node kept.' })
  subjectId: string;

  @Field(() => String, { description: "The subject's type, e.g. `Meeting` (also when it is gone)." })
  subjectLabel: string;

  @Field(() => ID, { nullable: true, description: 'For ENTITIES_MERGED: the id merged away.' })
  otherId: string | null;

  @Field(() => [ID], {
    description: "The fact's actors (and the nations of its officials) as committed; for an actor, itself.",
  })
  actorIds: string[];

  @Field(() => [ID], { description: "The fact's topics and every broader one; for a topic, itself." })
  topicIds: string[];

  @Field(() => String, { description: 'When the write committed (ISO 8601 timestamp).' })
  at: string;

  @Field(() => Node, {
    nullable: true,
    description:
      'The subject as it is now: retracted facts included, null when it is gone (merged away, undone).',
  })
  subject: Node | null;
}

@ObjectType('ChangeEdge')
export class ChangeEdge {
  @Field(() => String, { description: 'This entry’s position in the log: pass as `after` to resume here.' })
  cursor: string;

  @Field(() => Change)
  node: Change;
}

@ObjectType({ description: 'A page of the change log, oldest first (Relay connection).' })
export class ChangeConnection {
  @Field(() => [Change])
  nodes: Change[];

  @Field(() => [ChangeEdge])
  edges: ChangeEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
