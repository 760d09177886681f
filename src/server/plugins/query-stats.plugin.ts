/**
 * Reports how many Cypher round trips a request made, as `extensions.queryStats`, outside
 * production (tests use it to prove that round trips don't grow with the number of results), and
 * always the sealed bookmarks of the request's writes, as `extensions.bookmarks`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';

export function queryStatsPlugin(options: { enabled: boolean }): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const extensions = (response.body.singleResult.extensions ??= {});
          const bookmarks = contextValue.issuedBookmarks();
          if (bookmarks.length > 0) extensions.bookmarks = bookmarks;
          if (options.enabled) extensions.queryStats = { roundTrips: contextValue.stats.roundTrips };
        },
      };
    },
  };
}
