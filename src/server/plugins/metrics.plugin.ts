/**
 * Counts every GraphQL request in the API's metrics (api-metrics.ts): its operation, its time from
 * arrival to answer, and the codes of the errors the client receives (after formatting, so the
 * counts match what clients see).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiMetrics } from '../api-metrics';

export function metricsPlugin(metrics: ApiMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operation, operationName }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          metrics.recordRequest({
            // Set once the document parsed, validated and named an operation it holds.
            resolved: operation !== undefined,
            operationName,
            operationType: operation?.operation,
            seconds: Number(process.hrtime.bigint() - started) / 1e9,
            errorCodes: errors.map((error) => error.extensions?.code),
          });
        },
      };
    },
  };
}
