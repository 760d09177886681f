/**
 * Finds the newest meeting for the explorer's opening view. The `meetings` listing runs oldest
 * first and offers neither `last` nor a reverse order, and its cursors are opaque, so the cheapest
 * way to its end is a date window: ask for the meetings since a recent date, widening the window
 * fourfold while it is empty, then page to the end of the first window that holds any. A handful of
 * requests, each an index range seek on the meeting date, whatever the size of the archive.
 */
import type { TypedDocumentString } from '../generated/graphql';
import { MEETINGS_SINCE } from './queries';

export interface MeetingStub {
  id: string;
  meetingDate: string;
}

export type GraphqlRequest = <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
) => Promise<TResult>;

/** Window lengths in days; after the last, the whole listing (null: no lower bound). */
const WINDOWS_IN_DAYS = [30, 120, 480, 1920, 7680, null];

function daysBefore(today: Date, days: number): string {
  return new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** The newest meeting that is not retracted (ties on the date: the last by id), or null when there are none. */
export async function findLatestMeeting(
  graphql: GraphqlRequest,
  today: Date = new Date(),
): Promise<MeetingStub | null> {
  for (const days of WINDOWS_IN_DAYS) {
    const from = days === null ? null : daysBefore(today, days);
    let page = (await graphql(MEETINGS_SINCE, { from, after: null })).meetings;
    if (page.nodes.length === 0) continue;
    // Meetings scheduled after today are in every window, so the end of this one is the newest.
    while (page.pageInfo.hasNextPage && page.pageInfo.endCursor) {
      const next = (await graphql(MEETINGS_SINCE, { from, after: page.pageInfo.endCursor })).meetings;
      if (next.nodes.length === 0) break;
      page = next;
    }
    return page.nodes[page.nodes.length - 1];
  }
  return null;
}
