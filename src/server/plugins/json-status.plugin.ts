/**
 * GraphQL over HTTP asks for different statuses by media type: a client that accepts
 * `application/graphql-response+json` gets 4xx for a request that could not run (parse,
 * validation, variables), while one that accepts only `application/json` SHOULD get 200 with the
 * errors in the body, since a plain JSON client can't tell a GraphQL error from a proxy's 400.
 * Apollo answers 400 to both, so this plugin chooses the media type itself (as Apollo would) and
 * turns 400 into 200 for `application/json`. A request that is not a GraphQL request at all (no
 * `query` string, parameters of the wrong type: Apollo's BAD_REQUEST) keeps its 400, as the spec
 * allows for every media type; other statuses (429, 503) stay too: clients retry on them.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { answerMediaType, GRAPHQL_RESPONSE_JSON } from './answer-media-type';

export function jsonStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          if (response.body.kind !== 'single' || response.http.headers.get('content-type')) return;
          const mediaType = answerMediaType(request.http?.headers.get('accept'));
          // Neither media type acceptable: left to Apollo, which answers 406.
          if (mediaType === undefined) return;
          response.http.headers.set('content-type', `${mediaType}; charset=utf-8`);
          if (mediaType === GRAPHQL_RESPONSE_JSON || response.http.status !== 400) return;
          const malformed = errors?.some(
            (error) => error.extensions?.code === ApolloServerErrorCode.BAD_REQUEST,
          );
          if (!malformed) response.http.status = 200;
        },
      };
    },
  };
}
