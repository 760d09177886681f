/**
 * Finds the newest meeting for the explorer's opening view: one request for the first meeting of
 * the `meetings` listing newest first, read backwards along the meeting date index.
 */
import { LATEST_MEETING } from './queries';

export interface MeetingStub {
  id: string;
  meetingDate: string;
}

interface LatestMeetingPage {
  meetings: { nodes: MeetingStub[] };
}

export type GraphqlRequest = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** The newest meeting that is not retracted (ties on the date: the last by id), or null when there are none. */
export async function findLatestMeeting(graphql: GraphqlRequest): Promise<MeetingStub | null> {
  const page = await graphql<LatestMeetingPage>(LATEST_MEETING, {});
  return page.meetings.nodes[0] ?? null;
}
