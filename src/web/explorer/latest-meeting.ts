/**
 * Finds the newest meeting for the explorer's opening view: one request for the first meeting of
 * the `meetings` listing newest first, read backwards along the meeting date index.
 */
import type { TypedDocumentString } from '../generated/graphql';
import { LATEST_MEETING } from './queries';

export interface MeetingStub {
  id: string;
  meetingDate: string;
}

export type GraphqlRequest = <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
) => Promise<TResult>;

/** The newest meeting that is not retracted (ties on the date: the last by id), or null when there are none. */
export async function findLatestMeeting(graphql: GraphqlRequest): Promise<MeetingStub | null> {
  const page = await graphql(LATEST_MEETING, {});
  return page.meetings.nodes[0] ?? null;
}
