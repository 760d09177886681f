/** What drafting an article answers: the import document and what a reviewer needs to judge it. */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type {
  DraftEntityKind as DraftEntityKindValue,
  DraftFactKind as DraftFactKindValue,
  MatchDecision as MatchDecisionValue,
} from '../../extract/draft.types';
import { MeetingStatus } from '../meeting/meeting.type';
import { Stance } from '../position/position.type';
import { StatementKind } from '../statement/statement.type';

/** The drafter's values (extract/draft.types.ts), spelled out for GraphQL: a type check keeps them in step. */
const enumOf = <T extends string>(values: Record<T, T>) => values;

export const DraftEntityKind = enumOf<DraftEntityKindValue>({
  NATION: 'NATION',
  OFFICIAL: 'OFFICIAL',
  ORGANIZATION: 'ORGANIZATION',
  PLACE: 'PLACE',
  TOPIC: 'TOPIC',
});
registerEnumType(DraftEntityKind, { name: 'DraftEntityKind' });

export const MatchDecision = enumOf<MatchDecisionValue>({
  EXISTING: 'EXISTING',
  NEW: 'NEW',
  AMBIGUOUS: 'AMBIGUOUS',
});
registerEnumType(MatchDecision, {
  name: 'MatchDecision',
  valuesConfig: {
    EXISTING: { description: 'The entity is in the graph: the draft uses its id.' },
    NEW: { description: 'Nothing in the graph matched: the draft defines it.' },
    AMBIGUOUS: {
      description: 'Several entities in the graph could be meant (`candidates`): a reviewer must choose.',
    },
  },
});

export const DraftFactKind = enumOf<DraftFactKindValue>({
  MEETING: 'MEETING',
  STATEMENT: 'STATEMENT',
  POSITION: 'POSITION',
});
registerEnumType(DraftFactKind, { name: 'DraftFactKind' });

@ObjectType({ description: 'A span of the article: `text` is the article text from `start` to `end`.' })
export class TextSpan {
  @Field(() => Int, { description: 'Offset of the first character (UTF-16 code units, from 0).' })
  start: number;

  @Field(() => Int, { description: 'Offset just after the last character.' })
  end: number;

  @Field(() => String)
  text: string;
}

@ObjectType({ description: 'How an entity of the draft was matched against the graph, and why.' })
export class EntityMatch {
  @Field(() => MatchDecision)
  decision: MatchDecisionValue;

  @Field(() => String, { description: 'Why, e.g. `alias "Hakkanen" of official:antti-hakkanen`.' })
  reason: string;

  @Field(() => [ID], { description: 'Existing ids it could be (AMBIGUOUS), or the one chosen (EXISTING).' })
  candidates: string[];
}

@ObjectType()
export class DraftEntity {
  @Field(() => ID, { description: 'Its id in the draft: an existing id, or a new one.' })
  id: string;

  @Field(() => DraftEntityKind)
  kind: DraftEntityKindValue;

  @Field(() => String)
  name: string;

  @Field(() => EntityMatch)
  match: EntityMatch;

  @Field(() => [TextSpan], { description: 'Where the article names it.' })
  mentions: TextSpan[];
}

@ObjectType({ description: 'A proposed fact with its verbatim excerpt, for review.' })
export class DraftFact {
  @Field(() => ID, { description: "Its record's id in `document` (meetings, statements or positions)." })
  id: string;

  @Field(() => DraftFactKind)
  kind: DraftFactKindValue;

  @Field(() => String, { description: 'One line for a reviewer: "John Healey STRESSES US involvement".' })
  summary: string;

  @Field(() => String, {
    description: 'The first evidence excerpt, verbatim: the article from `start` to `end`.',
  })
  excerpt: string;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;

  @Field(() => Float, { description: 'How sure the drafter is, 0 to 1.' })
  confidence: number;

  @Field(() => ID, { nullable: true, description: "A statement's speaker or a position's holder." })
  actor?: string | null;

  @Field(() => Stance, { nullable: true })
  stance?: Stance | null;

  @Field(() => StatementKind, { nullable: true })
  statementKind?: StatementKind | null;

  @Field(() => ID, { nullable: true, description: "A position's topic." })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  date?: string | null;

  @Field(() => MeetingStatus, { nullable: true })
  status?: MeetingStatus | null;

  @Field(() => String, { nullable: true, description: "A statement's text or a meeting's title." })
  text?: string | null;
}

@ObjectType({
  description:
    'A draft of an article in the import format, not yet in the graph: review it, then give `document` to `importDocument`.',
})
export class DraftDocument {
  @Field(() => GraphQLJSONObject, {
    description: 'The document in the import format (docs/document-format.md), as `importDocument` takes it.',
  })
  document: Record<string, unknown>;

  @Field(() => [DraftEntity])
  entities: DraftEntity[];

  @Field(() => [DraftFact])
  facts: DraftFact[];

  @Field(() => [String], { description: 'What a reviewer should know that is no fact.' })
  warnings: string[];
}
