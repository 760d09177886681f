/**
 * The GraphQL the explorer sends: it reads only the public API, like any other client. Each
 * operation goes through `graphql()` so `npm run codegen` types its variables and answer and lists
 * it in the trusted-documents manifest (docs/typed-clients.md).
 * Meeting dates are aliased `meetingDate`: Meeting.date is `Date!` and other dates are `Date`, and
 * GraphQL refuses the two under one name in the same selection. Likewise lists and connections
 * that share a name across types (statements, positions, kind) get aliases.
 */
import { graphql } from '../generated';

export const SEARCH = graphql(`query Search($text: String!) {
  search(text: $text, first: 12) { score node { __typename id ...Label } }
}
fragment Label on Node {
  ... on Actor { name }
  ... on Topic { name }
  ... on Place { name }
  ... on Meeting { title meetingDate: date }
  ... on Statement { text date }
  ... on Position { summary stance date }
  ... on Source { title }
}`);

// Shared selections, as fragments: codegen reads each document as written, so no interpolation.
export const EVIDENCE_FIELDS = graphql(
  `fragment EvidenceFields on Evidence { excerpt source { title publisher publishedAt url } }`,
);
export const ACTOR_FIELDS = graphql(`fragment ActorFields on Actor { __typename id name }`);

/** One node with everything around it: each type lists its neighbours and the evidence of each fact. */
export const NEIGHBOURHOOD = graphql(`query Neighbourhood($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Reported { sourceCount publisherCount firstReported lastReported }
    ... on Nation { name iso3 aliases evidence { ...EvidenceFields } officials { ...ActorFields } memberships { ...ActorFields } meetings(first: 20) { nodes { __typename id title meetingDate: date status } } positions(first: 20) { nodes { __typename id summary stance date } } }
    ... on Official { name aliases evidence { ...EvidenceFields } nation { ...ActorFields } roles { title nation { ...ActorFields } organization { ...ActorFields } evidence { ...EvidenceFields } } statements(first: 20) { nodes { __typename id text date } } positions(first: 20) { nodes { __typename id summary stance date } } meetings(first: 20) { nodes { __typename id title meetingDate: date status } } }
    ... on Organization { name organizationKind: kind aliases evidence { ...EvidenceFields } membersWithEvidence { nation { ...ActorFields } evidence { ...EvidenceFields } } leadersWithEvidence { leader { ...ActorFields } evidence { ...EvidenceFields } } meetings(first: 20) { nodes { __typename id title meetingDate: date status } } positions(first: 20) { nodes { __typename id summary stance date } } }
    ... on Meeting { title meetingDate: date status nationsRepresented evidence { ...EvidenceFields } place { __typename id name } convenedBy { ...ActorFields } chairs { ...ActorFields } participants { ...ActorFields } topics { __typename id name } statementsMade: statements { __typename id text date } }
    ... on Statement { text statementKind: kind date evidence { ...EvidenceFields } speaker { ...ActorFields } meeting { __typename id title meetingDate: date } topics { __typename id name } expresses: positions { __typename id summary stance date } }
    ... on Position { summary stance date evidence { ...EvidenceFields } holder { ...ActorFields } topic { __typename id name } basedOn: statements { __typename id text date } }
    ... on Topic { name aliases evidence { ...EvidenceFields } broader { __typename id name } narrower { __typename id name } positions(first: 20) { nodes { __typename id summary stance date } } statements(first: 20) { nodes { __typename id text date } } }
    ... on Place { name placeKind: kind evidence { ...EvidenceFields } within { __typename id name } country { ...ActorFields } meetings(first: 20) { nodes { __typename id title meetingDate: date status } } }
    ... on Source { title publisher publishedAt url }
  }
}`);

/** The newest meeting (ties on the date: the last by id); retracted meetings never appear in it. */
export const LATEST_MEETING = graphql(`query LatestMeeting {
  meetings(orderBy: DATE_DESC, first: 1) {
    nodes { id meetingDate: date }
  }
}`);

/** An actor's meetings per month between two dates (both months included). */
export const ACTOR_MEETINGS_PER_MONTH =
  graphql(`query ActorMeetingsPerMonth($actor: ID!, $from: Date!, $to: Date!) {
  timeSeries(measure: MEETINGS, interval: MONTH, from: $from, to: $to, filter: { actor: $actor }) {
    buckets { start end count }
    total
  }
}`);
