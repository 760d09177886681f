/** Inputs of the write API: the same records as the import format, with evidence naming its source. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { MeetingStatus } from '../meeting/meeting.type';
import { OrganizationKind } from '../organization/organization.type';
import { PlaceKind } from '../place/place.type';
import { Stance } from '../position/position.type';
import { StatementKind } from '../statement/statement.type';
import { DateScalar } from '../common/scalars';

@InputType({ description: 'An exact excerpt of a source already in the graph.' })
export class EvidenceInput {
  @Field(() => ID, { description: 'Id of the source (see upsertSource).' })
  source: string;

  @Field(() => String, { description: 'Verbatim text of the source.' })
  excerpt: string;
}

@InputType()
export class SourceInput {
  @Field(() => ID) id: string;
  @Field(() => String) title: string;
  @Field(() => String) publisher: string;
  @Field(() => DateScalar) publishedAt: Date;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => String, { description: 'The full text; evidence excerpts must be verbatim in it.' })
  text: string;
}

@InputType()
export class NationInput {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => String) iso3: string;
  @Field(() => String, { nullable: true }) wikidata?: string | null;
  @Field(() => [EvidenceInput]) evidence: EvidenceInput[];
}

@InputType()
export class RoleInput {
  @Field(() => ID) id: string;
  @Field(() => String) title: string;
  @Field(() => ID, { nullable: true }) nation?: string | null;
  @Field(() => ID, { nullable: true }) organization?: string | null;
  @Field(() => DateScalar, { nullable: true }) since?: Date | null;
  @Field(() => DateScalar, { nullable: true }) until?: Date | null;
  @Field(() => [EvidenceInput]) evidence: EvidenceInput[];
}

@InputType()
export class OfficialInput {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => ID, { nullable: true }) nation?: string | null;
  @Field(() => String, { nullable: true }) wikidata?: string | null;
  @Field(() => [RoleInput], { nullable: true }) roles?: RoleInput[] | null;
  @Field(() => [EvidenceInput]) evidence: EvidenceInput[];
}

@InputType()
export class MembershipInput {
  @Field(() => ID) nation: string;
  @Field(() => [EvidenceInput]) evidence: EvidenceInput[];
}

@InputType()
export class LeadershipInput {
  @Field(() => ID, { description: 'A nation, official or organization id.' }) actor: string;
  @Field(() => [EvidenceInput]) evidence: EvidenceInput[];
}

@InputType()
export class OrganizationInput {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => OrganizationKind) kind: OrganizationKind;
  @Field(() => String, { nullable: true }) wikidata?: string | null;
  @Field(() => [MembershipInput], { nullable: true }) members?: MembershipInput[] | null;
  @Field(() => [LeadershipInput], { nullable: true }) leaders?: LeadershipInput[] | null;
  @Field(() => [EvidenceInput]) evidence: EvidenceInput[];
}

@InputType()
export class PlaceInput {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => PlaceKind) kind: PlaceKind;
  @Field(() => ID, { nullable: true }) country?: string | null;
  @Field(() => ID, { nullable: true }) within?: string | null;
  @Field(() => [EvidenceInput]) evidence: EvidenceInput[];
}

@InputType()
export class TopicInput {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => ID, { nullable: true }) broader?: string | null;
  // Required like every other write's: a write is filed under the sources it cites, so a topic
  // with no excerpt would have nowhere to go (an imported document may still list bare topics).
  @Field(() => [EvidenceInput], { description: 'At least one excerpt that names or defines the topic.' })
  evidence: EvidenceInput[];
}

@InputType()
export class MeetingInput {
  @Field(() => ID, { nullable: true, description: 'Omit to derive a stable id from the date and title.' })
  id?: string | null;
  @Field(() => String) title: string;
  @Field(() => DateScalar) date: Date;
  @Field(() => MeetingStatus) status: MeetingStatus;
  @Field(() => ID, { nullable: true }) place?: string | null;
  @Field(() => [ID], { nullable: true }) convenedBy?: string[] | null;
  @Field(() => [ID], { nullable: true }) chairs?: string[] | null;
  @Field(() => [ID], { nullable: true }) participants?: string[] | null;
  @Field(() => Int, { nullable: true }) nationsRepresented?: number | null;
  @Field(() => [ID], { nullable: true }) topics?: string[] | null;
  @Field(() => [EvidenceInput]) evidence: EvidenceInput[];
}

@InputType()
export class StatementInput {
  @Field(() => ID, { nullable: true, description: 'Omit to derive a stable id from speaker, text and date.' })
  id?: string | null;
  @Field(() => StatementKind) kind: StatementKind;
  @Field(() => String) text: string;
  @Field(() => ID) speaker: string;
  @Field(() => DateScalar, { nullable: true }) date?: Date | null;
  @Field(() => ID, { nullable: true }) meeting?: string | null;
  @Field(() => [ID], { nullable: true }) topics?: string[] | null;
  @Field(() => [EvidenceInput]) evidence: EvidenceInput[];
}

@InputType()
export class PositionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Omit to derive a stable id from holder, stance, topic and date.',
  })
  id?: string | null;
  @Field(() => Stance) stance: Stance;
  @Field(() => ID) holder: string;
  @Field(() => ID) topic: string;
  @Field(() => String) summary: string;
  @Field(() => DateScalar, { nullable: true }) date?: Date | null;
  @Field(() => [ID], { nullable: true }) statements?: string[] | null;
  @Field(() => [EvidenceInput]) evidence: EvidenceInput[];
}
