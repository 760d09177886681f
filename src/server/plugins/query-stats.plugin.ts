/**
 * Reports how many Cypher round trips a request made, as `extensions.queryStats`, outside
 * production. Tests use it to prove that round trips don't grow with the number of results.
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
          if (contextValue.newBookmarks.length > 0) extensions.bookmarks = contextValue.newBookmarks;
          if (options.enabled) extensions.queryStats = { roundTrips: contextValue.stats.roundTrips };
        },
      };
    },
  };
}
