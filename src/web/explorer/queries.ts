/**
 * The GraphQL the explorer sends: it reads only the public API, like any other client.
 * Meeting dates are aliased `meetingDate`: Meeting.date is `Date!` and other dates are `Date`, and
 * GraphQL refuses the two under one name in the same selection. Likewise lists and connections
 * that share a name across types (statements, positions, kind) get aliases.
 */

export const SEARCH = `query Search($text: String!) {
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
}`;

const EVIDENCE = 'evidence { excerpt source { title publisher publishedAt url } }';
const ACTOR = '__typename id name';

/** One node with everything around it: each type lists its neighbours and the evidence of each fact. */
export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Reported { sourceCount publisherCount firstReported lastReported }
    ... on Nation { name iso3 aliases ${EVIDENCE} officials { ${ACTOR} } memberships { ${ACTOR} } meetings(first: 20) { nodes { __typename id title meetingDate: date status } } positions(first: 20) { nodes { __typename id summary stance date } } }
    ... on Official { name aliases ${EVIDENCE} nation { ${ACTOR} } roles { title nation { ${ACTOR} } organization { ${ACTOR} } ${EVIDENCE} } statements(first: 20) { nodes { __typename id text date } } positions(first: 20) { nodes { __typename id summary stance date } } meetings(first: 20) { nodes { __typename id title meetingDate: date status } } }
    ... on Organization { name organizationKind: kind aliases ${EVIDENCE} membersWithEvidence { nation { ${ACTOR} } ${EVIDENCE} } leadersWithEvidence { leader { ${ACTOR} } ${EVIDENCE} } meetings(first: 20) { nodes { __typename id title meetingDate: date status } } positions(first: 20) { nodes { __typename id summary stance date } } }
    ... on Meeting { title meetingDate: date status nationsRepresented ${EVIDENCE} place { __typename id name } convenedBy { ${ACTOR} } chairs { ${ACTOR} } participants { ${ACTOR} } topics { __typename id name } statementsMade: statements { __typename id text date } }
    ... on Statement { text statementKind: kind date ${EVIDENCE} speaker { ${ACTOR} } meeting { __typename id title meetingDate: date } topics { __typename id name } expresses: positions { __typename id summary stance date } }
    ... on Position { summary stance date ${EVIDENCE} holder { ${ACTOR} } topic { __typename id name } basedOn: statements { __typename id text date } }
    ... on Topic { name aliases ${EVIDENCE} broader { __typename id name } narrower { __typename id name } positions(first: 20) { nodes { __typename id summary stance date } } statements(first: 20) { nodes { __typename id text date } } }
    ... on Place { name placeKind: kind ${EVIDENCE} within { __typename id name } country { ${ACTOR} } meetings(first: 20) { nodes { __typename id title meetingDate: date status } } }
    ... on Source { title publisher publishedAt url }
  }
}`;

/** The newest meeting (ties on the date: the last by id); retracted meetings never appear in it. */
export const LATEST_MEETING = `query LatestMeeting {
  meetings(orderBy: DATE_DESC, first: 1) {
    nodes { id meetingDate: date }
  }
}`;

/** An actor's meetings per month between two dates (both months included). */
export const ACTOR_MEETINGS_PER_MONTH = `query ActorMeetingsPerMonth($actor: ID!, $from: Date!, $to: Date!) {
  timeSeries(measure: MEETINGS, interval: MONTH, from: $from, to: $to, filter: { actor: $actor }) {
    buckets { start end count }
    total
  }
}`;
