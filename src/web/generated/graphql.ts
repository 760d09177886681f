/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A news article as an analyst pastes it, with its source metadata. */
export type ArticleInput = {
  /** The publication date, YYYY-MM-DD; relative dates in the text are resolved against it. */
  publishedAt: string;
  /** The newspaper, agency or site that published it. */
  publisher: string;
  /** The full text, verbatim (at most 100,000 characters); every offset in the draft points into it. */
  text: string;
  /** The headline. */
  title: string;
  /** Its address (http or https). */
  url?: string | null | undefined;
};

/** What the sources disagree about (docs/corroboration.md). */
export type ContradictionKind =
  /** One meeting, different dates. */
  | 'DATE'
  /** One meeting, one figure and unit, different numbers; an approximate number ("around 50") agrees with any within 10 %. */
  | 'FIGURE'
  /** One official, two offices with different titles for the same nation or organization, attested within 30 days of each other, and no one source naming both. */
  | 'OFFICE'
  /** One meeting, places neither of which lies within the other. */
  | 'PLACE'
  /** One holder, one topic, opposite stances (SUPPORTS, STRESSES or PLEDGES against OPPOSES or REFUSES; PLEDGES against HESITANT) dated, or first reported, within 30 days of each other. */
  | 'STANCE';

export type DraftEntityKind =
  | 'NATION'
  | 'OFFICIAL'
  | 'ORGANIZATION'
  | 'PLACE'
  | 'TOPIC';

export type DraftFactKind =
  | 'MEETING'
  | 'POSITION'
  | 'STATEMENT';

export type MatchDecision =
  /** Several entities in the graph could be meant (`candidates`): a reviewer must choose. */
  | 'AMBIGUOUS'
  /** The entity is in the graph: the draft uses its id. */
  | 'EXISTING'
  /** Nothing in the graph matched: the draft defines it. */
  | 'NEW';

/** As of the date of the source that reports it. */
export type MeetingStatus =
  | 'CANCELLED'
  | 'HELD'
  | 'SCHEDULED';

export type OrganizationKind =
  | 'ALLIANCE'
  | 'COALITION'
  | 'CONTACT_GROUP'
  | 'GOVERNMENT_BODY'
  | 'INTERNATIONAL_ORGANIZATION'
  | 'OTHER';

export type PlaceKind =
  | 'CITY'
  | 'COUNTRY'
  | 'OTHER'
  | 'REGION'
  | 'VENUE';

/** A publisher's reliability on the Admiralty scale, A best; F (cannot be judged) for a publisher nobody has graded. */
export type Reliability =
  /** Completely reliable. */
  | 'A'
  /** Usually reliable. */
  | 'B'
  /** Fairly reliable. */
  | 'C'
  /** Not usually reliable. */
  | 'D'
  /** Unreliable. */
  | 'E'
  /** Reliability cannot be judged (the default). */
  | 'F';

/** The verbs analysts use for a stance. More may be added. */
export type Stance =
  /** Reluctant or undecided (nearest: CAMEO 012/014). */
  | 'HESITANT'
  /** Argues against it. */
  | 'OPPOSES'
  /** Commits to deliver it (nearest: CAMEO 03x, PLOVER AGREE). */
  | 'PLEDGES'
  /** Declines to do or provide it (nearest: CAMEO 12x, PLOVER REJECT). */
  | 'REFUSES'
  /** Insists it is important or vital (nearest: CAMEO 010). */
  | 'STRESSES'
  /** Backs it. */
  | 'SUPPORTS';

export type StatementKind =
  /** What the source reports the speaker said, in its words. */
  | 'PARAPHRASE'
  /** The speaker's own words, verbatim in the source. */
  | 'QUOTE';

export type ContradictionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ContradictionsQuery = { contradictions: { totalCount: number, nodes: Array<{ kind: ContradictionKind, field: string, date: string | null, subject:
        | { title: string, id: string }
        | { name: string, id: string }
        | { name: string, id: string }
        | { name: string, id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , topic: { name: string } | null, sides: Array<{ value: string, sources: Array<{ publisher: string | null, publishedAt: string }>, evidence: Array<{ excerpt: string }> }> }> } };

export type DraftAnArticleQueryVariables = Exact<{ [key: string]: never; }>;


export type DraftAnArticleQuery = { draftDocument: { document: Record<string, unknown>, warnings: Array<string>, entities: Array<{ id: string, kind: DraftEntityKind, name: string, match: { decision: MatchDecision, reason: string, candidates: Array<string> }, mentions: Array<{ start: number, end: number, text: string }> }>, facts: Array<{ kind: DraftFactKind, summary: string, confidence: number, excerpt: string, start: number, end: number }> } };

export type MeetingsBritainAttendedQueryVariables = Exact<{ [key: string]: never; }>;


export type MeetingsBritainAttendedQuery = { meetings: { totalCount: number, nodes: Array<{ title: string, date: string, status: MeetingStatus, place: { name: string, within: { name: string } | null } | null, participants: Array<
        | { name: string }
        | { name: string }
        | { name: string }
      >, chairs: Array<
        | { name: string }
        | { name: string }
        | { name: string }
      > }> } };

export type MeetingsBritainChairedQueryVariables = Exact<{ [key: string]: never; }>;


export type MeetingsBritainChairedQuery = { meetings: { nodes: Array<{ title: string, date: string, status: MeetingStatus, nationsRepresented: number | null, nationsRepresentedApproximate: boolean, place: { name: string } | null, chairs: Array<
        | { name: string }
        | { name: string }
        | { name: string }
      > }> } };

export type NewestMeetingsQueryVariables = Exact<{ [key: string]: never; }>;


export type NewestMeetingsQuery = { meetings: { nodes: Array<{ title: string, date: string, place: { name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OfficialsOfANationQueryVariables = Exact<{ [key: string]: never; }>;


export type OfficialsOfANationQuery = { nations: { nodes: Array<{ name: string, iso3: string, officials: Array<{ name: string, roles: Array<{ title: string, nation: { name: string } | null }> }>, memberships: Array<{ name: string }> }> } };

export type PathBetweenTwoOfficialsQueryVariables = Exact<{ [key: string]: never; }>;


export type PathBetweenTwoOfficialsQuery = { path: { nodes: Array<
      | { __typename: 'Meeting', title: string, date: string, id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Official', name: string, id: string }
      | { __typename: 'Organization', name: string, id: string }
      | { __typename: 'Place', id: string }
      | { __typename: 'Position', id: string }
      | { __typename: 'Role', id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', id: string }
      | { __typename: 'Topic', id: string }
    >, steps: Array<{ type: string, fromId: string, toId: string }> } | null };

export type PublishersAndTheirGradesQueryVariables = Exact<{ [key: string]: never; }>;


export type PublishersAndTheirGradesQuery = { publishers: { nodes: Array<{ name: string, reliability: Reliability, sourceCount: number, assessments: Array<{ value: string, evidence: string, by: string, at: string }> }> } };

export type SaysWhoQueryVariables = Exact<{ [key: string]: never; }>;


export type SaysWhoQuery = { node:
    | { title: string, date: string, dateText: string | null, dateResolution: string | null, nationsRepresented: number | null, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string } }> }
    | Record<PropertyKey, never>
   | null };

export type SearchEverythingQueryVariables = Exact<{ [key: string]: never; }>;


export type SearchEverythingQuery = { search: Array<{ score: number, node:
      | { __typename: 'Meeting', id: string }
      | { __typename: 'Nation', name: string, id: string }
      | { __typename: 'Official', name: string, id: string }
      | { __typename: 'Organization', name: string, id: string }
      | { __typename: 'Place', id: string }
      | { __typename: 'Position', id: string }
      | { __typename: 'Role', id: string }
      | { __typename: 'Source', id: string }
      | { __typename: 'Statement', text: string, id: string }
      | { __typename: 'Topic', id: string }
     }> };

export type StanceHistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type StanceHistoryQuery = { stanceHistory: Array<{ stance: Stance, from: string | null, until: string | null, sourceCount: number, positions: Array<{ summary: string, topic: { name: string } }>, evidence: Array<{ excerpt: string, source: { publisher: string | null, publishedAt: string } }> }> };

export type StanceSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type StanceSummaryQuery = { stanceSummary: { total: number, stances: Array<{ stance: Stance, count: number, holders: Array<
        | { name: string }
        | { name: string }
        | { name: string }
      > }> } };

export type TimelineOfANationQueryVariables = Exact<{ [key: string]: never; }>;


export type TimelineOfANationQuery = { timeline: { totalCount: number, nodes: Array<
      | { __typename: 'Meeting', title: string, status: MeetingStatus, meetingDate: string }
      | { __typename: 'Nation' }
      | { __typename: 'Official' }
      | { __typename: 'Organization' }
      | { __typename: 'Place' }
      | { __typename: 'Position', summary: string, stance: Stance, date: string | null, holder:
          | { name: string }
          | { name: string }
          | { name: string }
         }
      | { __typename: 'Role' }
      | { __typename: 'Source' }
      | { __typename: 'Statement', text: string, date: string | null, speaker:
          | { name: string }
          | { name: string }
          | { name: string }
         }
      | { __typename: 'Topic' }
    > } };

export type WhatDidJohnHealeySayQueryVariables = Exact<{ [key: string]: never; }>;


export type WhatDidJohnHealeySayQuery = { statements: { totalCount: number, nodes: Array<{ kind: StatementKind, text: string, date: string | null, meeting: { title: string, place: { name: string } | null } | null, evidence: Array<{ excerpt: string }> }> } };

export type WhatDidTheUsRefuseQueryVariables = Exact<{ [key: string]: never; }>;


export type WhatDidTheUsRefuseQuery = { positions: { nodes: Array<{ summary: string, topic: { name: string, broader: { name: string } | null }, evidence: Array<{ excerpt: string, source: { publisher: string | null, publishedAt: string } }> }> } };

export type WhoIsCentralQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoIsCentralQuery = { network: { nodes: Array<{ name: string | null, type: string, degree: number, betweenness: number, community: number }>, edges: Array<{ source: string, target: string, weight: number }> } };

export type WhoLeadsTheCoalitionQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoLeadsTheCoalitionQuery = { organizations: { nodes: Array<{ name: string, kind: OrganizationKind, leaders: Array<{ name: string, iso3: string }>, leadersWithEvidence: Array<{ leader:
          | { name: string }
          | { name: string }
          | { name: string }
        , evidence: Array<{ excerpt: string, source: { publisher: string | null, publishedAt: string } }> }>, members: Array<{ name: string }> }> } };

export type WhoMetWhomQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoMetWhomQuery = { coAttendance: Array<{ count: number, actor:
      | { name: string }
      | { name: string }
      | { name: string }
    , meetings: Array<{ title: string, date: string }>, places: Array<{ name: string }> }> };

export type WhoStressedUsInvolvementHowWellReportedQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoStressedUsInvolvementHowWellReportedQuery = { positions: { nodes: Array<{ summary: string, sourceCount: number, publisherCount: number, firstReported: string | null, lastReported: string | null, holder:
        | { name: string, sourceCount: number, publisherCount: number }
        | { name: string, sourceCount: number, publisherCount: number }
        | { name: string, sourceCount: number, publisherCount: number }
      , evidence: Array<{ excerpt: string, source: { publisher: string | null, publishedAt: string } }> }> } };

export type WhoStressedUsInvolvementQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoStressedUsInvolvementQuery = { positions: { nodes: Array<{ summary: string, holder:
        | { name: string }
        | { name: string }
        | { name: string }
      , topic: { name: string }, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string } }> }> } };

export type SearchQueryVariables = Exact<{
  text: string;
}>;


export type SearchQuery = { search: Array<{ score: number, node:
      | { __typename: 'Meeting', id: string, title: string, meetingDate: string }
      | { __typename: 'Nation', id: string, name: string }
      | { __typename: 'Official', id: string, name: string }
      | { __typename: 'Organization', id: string, name: string }
      | { __typename: 'Place', id: string, name: string }
      | { __typename: 'Position', id: string, summary: string, stance: Stance, date: string | null }
      | { __typename: 'Role', id: string }
      | { __typename: 'Source', id: string, title: string }
      | { __typename: 'Statement', id: string, text: string, date: string | null }
      | { __typename: 'Topic', id: string, name: string }
     }> };

type Label_Meeting_Fragment = { title: string, meetingDate: string };

type Label_Nation_Fragment = { name: string };

type Label_Official_Fragment = { name: string };

type Label_Organization_Fragment = { name: string };

type Label_Place_Fragment = { name: string };

type Label_Position_Fragment = { summary: string, stance: Stance, date: string | null };

type Label_Source_Fragment = { title: string };

type Label_Statement_Fragment = { text: string, date: string | null };

type Label_Topic_Fragment = { name: string };

export type LabelFragment =
  | Label_Meeting_Fragment
  | Label_Nation_Fragment
  | Label_Official_Fragment
  | Label_Organization_Fragment
  | Label_Place_Fragment
  | Label_Position_Fragment
  | Label_Source_Fragment
  | Label_Statement_Fragment
  | Label_Topic_Fragment
;

export type EvidenceFieldsFragment = { excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } };

type ActorFields_Nation_Fragment = { __typename: 'Nation', id: string, name: string };

type ActorFields_Official_Fragment = { __typename: 'Official', id: string, name: string };

type ActorFields_Organization_Fragment = { __typename: 'Organization', id: string, name: string };

export type ActorFieldsFragment =
  | ActorFields_Nation_Fragment
  | ActorFields_Official_Fragment
  | ActorFields_Organization_Fragment
;

export type NeighbourhoodQueryVariables = Exact<{
  id: string | number;
}>;


export type NeighbourhoodQuery = { node:
    | { __typename: 'Meeting', sourceCount: number, publisherCount: number, firstReported: string | null, lastReported: string | null, title: string, status: MeetingStatus, nationsRepresented: number | null, id: string, meetingDate: string, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }>, place: { __typename: 'Place', id: string, name: string } | null, convenedBy: Array<{ __typename: 'Organization', id: string, name: string }>, chairs: Array<
        | { __typename: 'Nation', id: string, name: string }
        | { __typename: 'Official', id: string, name: string }
        | { __typename: 'Organization', id: string, name: string }
      >, participants: Array<
        | { __typename: 'Nation', id: string, name: string }
        | { __typename: 'Official', id: string, name: string }
        | { __typename: 'Organization', id: string, name: string }
      >, topics: Array<{ __typename: 'Topic', id: string, name: string }>, statementsMade: Array<{ __typename: 'Statement', id: string, text: string, date: string | null }> }
    | { __typename: 'Nation', sourceCount: number, publisherCount: number, firstReported: string | null, lastReported: string | null, name: string, iso3: string, aliases: Array<string>, id: string, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }>, officials: Array<{ __typename: 'Official', id: string, name: string }>, memberships: Array<{ __typename: 'Organization', id: string, name: string }>, meetings: { nodes: Array<{ __typename: 'Meeting', id: string, title: string, status: MeetingStatus, meetingDate: string }> }, positions: { nodes: Array<{ __typename: 'Position', id: string, summary: string, stance: Stance, date: string | null }> } }
    | { __typename: 'Official', sourceCount: number, publisherCount: number, firstReported: string | null, lastReported: string | null, name: string, aliases: Array<string>, id: string, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }>, nation: { __typename: 'Nation', id: string, name: string } | null, roles: Array<{ title: string, nation: { __typename: 'Nation', id: string, name: string } | null, organization: { __typename: 'Organization', id: string, name: string } | null, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }> }>, statements: { nodes: Array<{ __typename: 'Statement', id: string, text: string, date: string | null }> }, positions: { nodes: Array<{ __typename: 'Position', id: string, summary: string, stance: Stance, date: string | null }> }, meetings: { nodes: Array<{ __typename: 'Meeting', id: string, title: string, status: MeetingStatus, meetingDate: string }> } }
    | { __typename: 'Organization', sourceCount: number, publisherCount: number, firstReported: string | null, lastReported: string | null, name: string, aliases: Array<string>, id: string, organizationKind: OrganizationKind, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }>, membersWithEvidence: Array<{ nation: { __typename: 'Nation', id: string, name: string }, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }> }>, leadersWithEvidence: Array<{ leader:
          | { __typename: 'Nation', id: string, name: string }
          | { __typename: 'Official', id: string, name: string }
          | { __typename: 'Organization', id: string, name: string }
        , evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }> }>, meetings: { nodes: Array<{ __typename: 'Meeting', id: string, title: string, status: MeetingStatus, meetingDate: string }> }, positions: { nodes: Array<{ __typename: 'Position', id: string, summary: string, stance: Stance, date: string | null }> } }
    | { __typename: 'Place', sourceCount: number, publisherCount: number, firstReported: string | null, lastReported: string | null, name: string, id: string, placeKind: PlaceKind, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }>, within: { __typename: 'Place', id: string, name: string } | null, country: { __typename: 'Nation', id: string, name: string } | null, meetings: { nodes: Array<{ __typename: 'Meeting', id: string, title: string, status: MeetingStatus, meetingDate: string }> } }
    | { __typename: 'Position', sourceCount: number, publisherCount: number, firstReported: string | null, lastReported: string | null, summary: string, stance: Stance, date: string | null, id: string, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }>, holder:
        | { __typename: 'Nation', id: string, name: string }
        | { __typename: 'Official', id: string, name: string }
        | { __typename: 'Organization', id: string, name: string }
      , topic: { __typename: 'Topic', id: string, name: string }, basedOn: Array<{ __typename: 'Statement', id: string, text: string, date: string | null }> }
    | { __typename: 'Role', sourceCount: number, publisherCount: number, firstReported: string | null, lastReported: string | null, id: string }
    | { __typename: 'Source', title: string, publisher: string | null, publishedAt: string, url: string | null, id: string }
    | { __typename: 'Statement', sourceCount: number, publisherCount: number, firstReported: string | null, lastReported: string | null, text: string, date: string | null, id: string, statementKind: StatementKind, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }>, speaker:
        | { __typename: 'Nation', id: string, name: string }
        | { __typename: 'Official', id: string, name: string }
        | { __typename: 'Organization', id: string, name: string }
      , meeting: { __typename: 'Meeting', id: string, title: string, meetingDate: string } | null, topics: Array<{ __typename: 'Topic', id: string, name: string }>, expresses: Array<{ __typename: 'Position', id: string, summary: string, stance: Stance, date: string | null }> }
    | { __typename: 'Topic', sourceCount: number, publisherCount: number, firstReported: string | null, lastReported: string | null, name: string, aliases: Array<string>, id: string, evidence: Array<{ excerpt: string, source: { title: string, publisher: string | null, publishedAt: string, url: string | null } }>, broader: { __typename: 'Topic', id: string, name: string } | null, narrower: Array<{ __typename: 'Topic', id: string, name: string }>, positions: { nodes: Array<{ __typename: 'Position', id: string, summary: string, stance: Stance, date: string | null }> }, statements: { nodes: Array<{ __typename: 'Statement', id: string, text: string, date: string | null }> } }
   | null };

export type LatestMeetingQueryVariables = Exact<{ [key: string]: never; }>;


export type LatestMeetingQuery = { meetings: { nodes: Array<{ id: string, meetingDate: string }> } };

export type ActorMeetingsPerMonthQueryVariables = Exact<{
  actor: string | number;
  from: string;
  to: string;
}>;


export type ActorMeetingsPerMonthQuery = { timeSeries: { total: number, buckets: Array<{ start: string, end: string, count: number }> } };

export type DraftDocumentQueryVariables = Exact<{
  article: ArticleInput;
}>;


export type DraftDocumentQuery = { draftDocument: { document: Record<string, unknown>, warnings: Array<string>, entities: Array<{ id: string, kind: DraftEntityKind, name: string, match: { decision: MatchDecision, reason: string, candidates: Array<string> }, mentions: Array<{ start: number, end: number, text: string }> }>, facts: Array<{ id: string, kind: DraftFactKind, summary: string, excerpt: string, start: number, end: number, confidence: number, actor: string | null, stance: Stance | null, statementKind: StatementKind | null, topic: string | null, date: string | null, status: MeetingStatus | null, text: string | null }> } };

export type ImportDocumentMutationVariables = Exact<{
  document: Record<string, unknown>;
}>;


export type ImportDocumentMutation = { importDocument: { status: string, sourceId: string | null, nodesCreated: number, relationshipsCreated: number } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const LabelFragmentDoc = new TypedDocumentString(`
    fragment Label on Node {
  ... on Actor {
    name
  }
  ... on Topic {
    name
  }
  ... on Place {
    name
  }
  ... on Meeting {
    title
    meetingDate: date
  }
  ... on Statement {
    text
    date
  }
  ... on Position {
    summary
    stance
    date
  }
  ... on Source {
    title
  }
}
    `, {"fragmentName":"Label"}) as unknown as TypedDocumentString<LabelFragment, unknown>;
export const EvidenceFieldsFragmentDoc = new TypedDocumentString(`
    fragment EvidenceFields on Evidence {
  excerpt
  source {
    title
    publisher
    publishedAt
    url
  }
}
    `, {"fragmentName":"EvidenceFields"}) as unknown as TypedDocumentString<EvidenceFieldsFragment, unknown>;
export const ActorFieldsFragmentDoc = new TypedDocumentString(`
    fragment ActorFields on Actor {
  __typename
  id
  name
}
    `, {"fragmentName":"ActorFields"}) as unknown as TypedDocumentString<ActorFieldsFragment, unknown>;
export const ContradictionsDocument = new TypedDocumentString(`
    query Contradictions {
  contradictions(first: 10) {
    totalCount
    nodes {
      kind
      field
      date
      subject {
        id
        ... on Actor {
          name
        }
        ... on Meeting {
          title
        }
      }
      topic {
        name
      }
      sides {
        value
        sources {
          publisher
          publishedAt
        }
        evidence(first: 3) {
          excerpt
        }
      }
    }
  }
}
    `, {"hash":"sha256:e6f34fd86e33298972deddf36807834bd541b0788078d28fa39f517623c76d17"}) as unknown as TypedDocumentString<ContradictionsQuery, ContradictionsQueryVariables>;
export const DraftAnArticleDocument = new TypedDocumentString(`
    query DraftAnArticle {
  draftDocument(
    article: {title: "Kiev's closest allies mull post-war mission amid US reluctance", publisher: "Qatar Tribune", publishedAt: "2025-04-11", text: "Finnish Defence Minister Antti Hakkanen and his Sweden counterpart Pal Jonson struck a similar cord as they arrived at the meeting, stressing the importance of US involvement in the mission.\\nHealey said 30 countries were represented at Thursday's gathering."}
  ) {
    document
    entities {
      id
      kind
      name
      match {
        decision
        reason
        candidates
      }
      mentions {
        start
        end
        text
      }
    }
    facts {
      kind
      summary
      confidence
      excerpt
      start
      end
    }
    warnings
  }
}
    `, {"hash":"sha256:420d1775df723c122ab9e28dde5577b733a035c95b7e48ce4632688d9ada4d88"}) as unknown as TypedDocumentString<DraftAnArticleQuery, DraftAnArticleQueryVariables>;
export const MeetingsBritainAttendedDocument = new TypedDocumentString(`
    query MeetingsBritainAttended {
  meetings(filter: {participant: "nation:gbr"}) {
    totalCount
    nodes {
      title
      date
      status
      place {
        name
        within {
          name
        }
      }
      participants {
        name
      }
      chairs {
        name
      }
    }
  }
}
    `, {"hash":"sha256:beda7dfb4c197cd1c776ed3e65d513ee3d338c8e1d9d1ccc2d25d2d7c75dfaae"}) as unknown as TypedDocumentString<MeetingsBritainAttendedQuery, MeetingsBritainAttendedQueryVariables>;
export const MeetingsBritainChairedDocument = new TypedDocumentString(`
    query MeetingsBritainChaired {
  meetings(filter: {chair: "nation:gbr"}) {
    nodes {
      title
      date
      status
      place {
        name
      }
      chairs {
        name
      }
      nationsRepresented
      nationsRepresentedApproximate
    }
  }
}
    `, {"hash":"sha256:0b7dcaae2bad0701a28dfa9653e025a0e205aba0fd0f053bc3825c9cd22e2541"}) as unknown as TypedDocumentString<MeetingsBritainChairedQuery, MeetingsBritainChairedQueryVariables>;
export const NewestMeetingsDocument = new TypedDocumentString(`
    query NewestMeetings {
  meetings(orderBy: DATE_DESC, first: 5) {
    nodes {
      title
      date
      place {
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:16adb6cddb0fd920ce98b1bf89236c189a05dc3ff4ad8c90dbb28f00ae5c1b2f"}) as unknown as TypedDocumentString<NewestMeetingsQuery, NewestMeetingsQueryVariables>;
export const OfficialsOfANationDocument = new TypedDocumentString(`
    query OfficialsOfANation {
  nations(filter: {name: "Britain"}) {
    nodes {
      name
      iso3
      officials {
        name
        roles {
          title
          nation {
            name
          }
        }
      }
      memberships {
        name
      }
    }
  }
}
    `, {"hash":"sha256:466ff880985f1e79d2c3cf9f01b5c94b3772326606054d8eebf82873962c4d6e"}) as unknown as TypedDocumentString<OfficialsOfANationQuery, OfficialsOfANationQueryVariables>;
export const PathBetweenTwoOfficialsDocument = new TypedDocumentString(`
    query PathBetweenTwoOfficials {
  path(from: "official:john-healey", to: "official:pal-jonson") {
    nodes {
      __typename
      id
      ... on Actor {
        name
      }
      ... on Meeting {
        title
        date
      }
    }
    steps {
      type
      fromId
      toId
    }
  }
}
    `, {"hash":"sha256:0d3089555e67dbd1398f2f3334ae1d07284d661b9a9c2c5934d85c77bb194915"}) as unknown as TypedDocumentString<PathBetweenTwoOfficialsQuery, PathBetweenTwoOfficialsQueryVariables>;
export const PublishersAndTheirGradesDocument = new TypedDocumentString(`
    query PublishersAndTheirGrades {
  publishers(first: 20) {
    nodes {
      name
      reliability
      sourceCount
      assessments {
        value
        evidence
        by
        at
      }
    }
  }
}
    `, {"hash":"sha256:f6e2fb6ffaada7b247f5f2e375d39d2b0e2f1882bff7b98c46a4f03b7572def5"}) as unknown as TypedDocumentString<PublishersAndTheirGradesQuery, PublishersAndTheirGradesQueryVariables>;
export const SaysWhoDocument = new TypedDocumentString(`
    query SaysWho {
  node(id: "meeting:2025-04-10-coalition-of-the-willing-brussels") {
    ... on Meeting {
      title
      date
      dateText
      dateResolution
      nationsRepresented
      evidence {
        excerpt
        source {
          title
          publisher
          publishedAt
        }
      }
    }
  }
}
    `, {"hash":"sha256:8b053231134e5f333f49ab4afaaaf65bc53b601a5426489670fee993f03dfa2f"}) as unknown as TypedDocumentString<SaysWhoQuery, SaysWhoQueryVariables>;
export const SearchEverythingDocument = new TypedDocumentString(`
    query SearchEverything {
  search(text: "Hakkanen") {
    score
    node {
      __typename
      id
      ... on Actor {
        name
      }
      ... on Statement {
        text
      }
    }
  }
}
    `, {"hash":"sha256:125bd9a3692dfa05fd86e1521b51576b975241751c99c65a92b8ba1ff66cdc14"}) as unknown as TypedDocumentString<SearchEverythingQuery, SearchEverythingQueryVariables>;
export const StanceHistoryDocument = new TypedDocumentString(`
    query StanceHistory {
  stanceHistory(holder: "nation:usa", topic: "US involvement") {
    stance
    from
    until
    sourceCount
    positions {
      summary
      topic {
        name
      }
    }
    evidence {
      excerpt
      source {
        publisher
        publishedAt
      }
    }
  }
}
    `, {"hash":"sha256:f2263706fa24fdf1db0a6f39d983b053cb1bfe792e0a0dc3bc8b5297d8a1512a"}) as unknown as TypedDocumentString<StanceHistoryQuery, StanceHistoryQueryVariables>;
export const StanceSummaryDocument = new TypedDocumentString(`
    query StanceSummary {
  stanceSummary(topic: "US involvement") {
    total
    stances {
      stance
      count
      holders {
        name
      }
    }
  }
}
    `, {"hash":"sha256:dcfb34f05c849575660fde773f57697dcbb144562185856b2fc8b2d1f905778a"}) as unknown as TypedDocumentString<StanceSummaryQuery, StanceSummaryQueryVariables>;
export const TimelineOfANationDocument = new TypedDocumentString(`
    query TimelineOfANation {
  timeline(actor: "nation:gbr", from: "2025-01-01", to: "2025-12-31") {
    totalCount
    nodes {
      __typename
      ... on Meeting {
        title
        meetingDate: date
        status
      }
      ... on Statement {
        text
        date
        speaker {
          name
        }
      }
      ... on Position {
        summary
        stance
        date
        holder {
          name
        }
      }
    }
  }
}
    `, {"hash":"sha256:2587d0694ca3727217471b7f0208605a701a6756f0408fe138f13bb6e40fd872"}) as unknown as TypedDocumentString<TimelineOfANationQuery, TimelineOfANationQueryVariables>;
export const WhatDidJohnHealeySayDocument = new TypedDocumentString(`
    query WhatDidJohnHealeySay {
  statements(filter: {speaker: "official:john-healey"}) {
    totalCount
    nodes {
      kind
      text
      date
      meeting {
        title
        place {
          name
        }
      }
      evidence {
        excerpt
      }
    }
  }
}
    `, {"hash":"sha256:6c89ed2ba2b97c9f0a752e3de985a086d289e42286fc76eca6a59b38a672b883"}) as unknown as TypedDocumentString<WhatDidJohnHealeySayQuery, WhatDidJohnHealeySayQueryVariables>;
export const WhatDidTheUsRefuseDocument = new TypedDocumentString(`
    query WhatDidTheUsRefuse {
  positions(filter: {holder: "nation:usa", stance: [REFUSES]}) {
    nodes {
      summary
      topic {
        name
        broader {
          name
        }
      }
      evidence {
        excerpt
        source {
          publisher
          publishedAt
        }
      }
    }
  }
}
    `, {"hash":"sha256:d00dcf5f48857002601371ff9ca31d1b893f05051b555f377edbeeb975180399"}) as unknown as TypedDocumentString<WhatDidTheUsRefuseQuery, WhatDidTheUsRefuseQueryVariables>;
export const WhoIsCentralDocument = new TypedDocumentString(`
    query WhoIsCentral {
  network(kind: CO_ATTENDANCE, from: "2025-04-01", to: "2025-04-30") {
    nodes {
      name
      type
      degree
      betweenness
      community
    }
    edges {
      source
      target
      weight
    }
  }
}
    `, {"hash":"sha256:a04d673b9d644d43687891ba4bf67d456bfe9177ccebaaec94ce573ac2ff7f0e"}) as unknown as TypedDocumentString<WhoIsCentralQuery, WhoIsCentralQueryVariables>;
export const WhoLeadsTheCoalitionDocument = new TypedDocumentString(`
    query WhoLeadsTheCoalition {
  organizations(filter: {name: "coalition of the willing"}) {
    nodes {
      name
      kind
      leaders {
        name
        iso3
      }
      leadersWithEvidence {
        leader {
          name
        }
        evidence {
          excerpt
          source {
            publisher
            publishedAt
          }
        }
      }
      members {
        name
      }
    }
  }
}
    `, {"hash":"sha256:d7101bda271f36ce9a4a8557b015652b49ae11a4bb51f406e5e11ee607b9f807"}) as unknown as TypedDocumentString<WhoLeadsTheCoalitionQuery, WhoLeadsTheCoalitionQueryVariables>;
export const WhoMetWhomDocument = new TypedDocumentString(`
    query WhoMetWhom {
  coAttendance(actor: "official:john-healey") {
    actor {
      name
    }
    count
    meetings {
      title
      date
    }
    places {
      name
    }
  }
}
    `, {"hash":"sha256:fdd21d6c52dbfebef9e66c47e3d17fc1324dcbc0ac815d1ecc937ba9752d563f"}) as unknown as TypedDocumentString<WhoMetWhomQuery, WhoMetWhomQueryVariables>;
export const WhoStressedUsInvolvementHowWellReportedDocument = new TypedDocumentString(`
    query WhoStressedUsInvolvementHowWellReported {
  positions(filter: {stance: [STRESSES], topic: "US involvement"}) {
    nodes {
      summary
      sourceCount
      publisherCount
      firstReported
      lastReported
      holder {
        name
        sourceCount
        publisherCount
      }
      evidence {
        excerpt
        source {
          publisher
          publishedAt
        }
      }
    }
  }
}
    `, {"hash":"sha256:67a393676628939ab7b89cb6ef13c60173aaaff52d3503acab53b01f246eb6b8"}) as unknown as TypedDocumentString<WhoStressedUsInvolvementHowWellReportedQuery, WhoStressedUsInvolvementHowWellReportedQueryVariables>;
export const WhoStressedUsInvolvementDocument = new TypedDocumentString(`
    query WhoStressedUsInvolvement {
  positions(filter: {stance: [STRESSES], topic: "US involvement"}) {
    nodes {
      holder {
        name
      }
      topic {
        name
      }
      summary
      evidence {
        excerpt
        source {
          title
          publisher
          publishedAt
        }
      }
    }
  }
}
    `, {"hash":"sha256:0c79703fbf7e6988d2c7f95cc16630f6075741b2dbb5689654daeb3f3279b851"}) as unknown as TypedDocumentString<WhoStressedUsInvolvementQuery, WhoStressedUsInvolvementQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($text: String!) {
  search(text: $text, first: 12) {
    score
    node {
      __typename
      id
      ...Label
    }
  }
}
    fragment Label on Node {
  ... on Actor {
    name
  }
  ... on Topic {
    name
  }
  ... on Place {
    name
  }
  ... on Meeting {
    title
    meetingDate: date
  }
  ... on Statement {
    text
    date
  }
  ... on Position {
    summary
    stance
    date
  }
  ... on Source {
    title
  }
}`, {"hash":"sha256:f8e2cd43f7da363f122006cc5de3ac88b4bcb4045fdced300d7f587c2c822590"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const NeighbourhoodDocument = new TypedDocumentString(`
    query Neighbourhood($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Reported {
      sourceCount
      publisherCount
      firstReported
      lastReported
    }
    ... on Nation {
      name
      iso3
      aliases
      evidence {
        ...EvidenceFields
      }
      officials {
        ...ActorFields
      }
      memberships {
        ...ActorFields
      }
      meetings(first: 20) {
        nodes {
          __typename
          id
          title
          meetingDate: date
          status
        }
      }
      positions(first: 20) {
        nodes {
          __typename
          id
          summary
          stance
          date
        }
      }
    }
    ... on Official {
      name
      aliases
      evidence {
        ...EvidenceFields
      }
      nation {
        ...ActorFields
      }
      roles {
        title
        nation {
          ...ActorFields
        }
        organization {
          ...ActorFields
        }
        evidence {
          ...EvidenceFields
        }
      }
      statements(first: 20) {
        nodes {
          __typename
          id
          text
          date
        }
      }
      positions(first: 20) {
        nodes {
          __typename
          id
          summary
          stance
          date
        }
      }
      meetings(first: 20) {
        nodes {
          __typename
          id
          title
          meetingDate: date
          status
        }
      }
    }
    ... on Organization {
      name
      organizationKind: kind
      aliases
      evidence {
        ...EvidenceFields
      }
      membersWithEvidence {
        nation {
          ...ActorFields
        }
        evidence {
          ...EvidenceFields
        }
      }
      leadersWithEvidence {
        leader {
          ...ActorFields
        }
        evidence {
          ...EvidenceFields
        }
      }
      meetings(first: 20) {
        nodes {
          __typename
          id
          title
          meetingDate: date
          status
        }
      }
      positions(first: 20) {
        nodes {
          __typename
          id
          summary
          stance
          date
        }
      }
    }
    ... on Meeting {
      title
      meetingDate: date
      status
      nationsRepresented
      evidence {
        ...EvidenceFields
      }
      place {
        __typename
        id
        name
      }
      convenedBy {
        ...ActorFields
      }
      chairs {
        ...ActorFields
      }
      participants {
        ...ActorFields
      }
      topics {
        __typename
        id
        name
      }
      statementsMade: statements {
        __typename
        id
        text
        date
      }
    }
    ... on Statement {
      text
      statementKind: kind
      date
      evidence {
        ...EvidenceFields
      }
      speaker {
        ...ActorFields
      }
      meeting {
        __typename
        id
        title
        meetingDate: date
      }
      topics {
        __typename
        id
        name
      }
      expresses: positions {
        __typename
        id
        summary
        stance
        date
      }
    }
    ... on Position {
      summary
      stance
      date
      evidence {
        ...EvidenceFields
      }
      holder {
        ...ActorFields
      }
      topic {
        __typename
        id
        name
      }
      basedOn: statements {
        __typename
        id
        text
        date
      }
    }
    ... on Topic {
      name
      aliases
      evidence {
        ...EvidenceFields
      }
      broader {
        __typename
        id
        name
      }
      narrower {
        __typename
        id
        name
      }
      positions(first: 20) {
        nodes {
          __typename
          id
          summary
          stance
          date
        }
      }
      statements(first: 20) {
        nodes {
          __typename
          id
          text
          date
        }
      }
    }
    ... on Place {
      name
      placeKind: kind
      evidence {
        ...EvidenceFields
      }
      within {
        __typename
        id
        name
      }
      country {
        ...ActorFields
      }
      meetings(first: 20) {
        nodes {
          __typename
          id
          title
          meetingDate: date
          status
        }
      }
    }
    ... on Source {
      title
      publisher
      publishedAt
      url
    }
  }
}
    fragment EvidenceFields on Evidence {
  excerpt
  source {
    title
    publisher
    publishedAt
    url
  }
}
fragment ActorFields on Actor {
  __typename
  id
  name
}`, {"hash":"sha256:b4a931f93bd0e9ae997dd70823cb2e36bfd54a068582e09cf277c11b2d3fd97a"}) as unknown as TypedDocumentString<NeighbourhoodQuery, NeighbourhoodQueryVariables>;
export const LatestMeetingDocument = new TypedDocumentString(`
    query LatestMeeting {
  meetings(orderBy: DATE_DESC, first: 1) {
    nodes {
      id
      meetingDate: date
    }
  }
}
    `, {"hash":"sha256:f12c9e54c6da44fead6e711aac38dcf104e2b9d0ee22e23f45acb0214c9c3316"}) as unknown as TypedDocumentString<LatestMeetingQuery, LatestMeetingQueryVariables>;
export const ActorMeetingsPerMonthDocument = new TypedDocumentString(`
    query ActorMeetingsPerMonth($actor: ID!, $from: Date!, $to: Date!) {
  timeSeries(
    measure: MEETINGS
    interval: MONTH
    from: $from
    to: $to
    filter: {actor: $actor}
  ) {
    buckets {
      start
      end
      count
    }
    total
  }
}
    `, {"hash":"sha256:c3a77225142a42db1a245275a2a94f1b1b0f015e1f36da7028322ed5b1b8421a"}) as unknown as TypedDocumentString<ActorMeetingsPerMonthQuery, ActorMeetingsPerMonthQueryVariables>;
export const DraftDocumentDocument = new TypedDocumentString(`
    query DraftDocument($article: ArticleInput!) {
  draftDocument(article: $article) {
    document
    entities {
      id
      kind
      name
      match {
        decision
        reason
        candidates
      }
      mentions {
        start
        end
        text
      }
    }
    facts {
      id
      kind
      summary
      excerpt
      start
      end
      confidence
      actor
      stance
      statementKind
      topic
      date
      status
      text
    }
    warnings
  }
}
    `, {"hash":"sha256:cca99564cb7fc9b6a185e73e75c7969a5599ec2553be86525db038c9bf3e85a0"}) as unknown as TypedDocumentString<DraftDocumentQuery, DraftDocumentQueryVariables>;
export const ImportDocumentDocument = new TypedDocumentString(`
    mutation ImportDocument($document: JSONObject!) {
  importDocument(document: $document) {
    status
    sourceId
    nodesCreated
    relationshipsCreated
  }
}
    `, {"hash":"sha256:ff6605802e235a26b7525fe47848781f4dd30ad2c325ce3b074d0b26efdd8f9e"}) as unknown as TypedDocumentString<ImportDocumentMutation, ImportDocumentMutationVariables>;