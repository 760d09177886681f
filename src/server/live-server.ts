/**
 * GraphQL subscriptions over graphql-ws (subprotocol graphql-transport-ws) on the HTTP server's own
 * port and path, /graphql. Authentication is that of reads (REQUIRE_KEY_FOR_READS); limits bound
 * what one client can hold: message size, time to connection_init, connections and subscriptions.
 * Refusals close the socket with a code from modules/live/live-close-codes.ts (docs/live-updates.md);
 * a malformed message closes that socket only (graphql-ws: 4400).
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { findKey, grantsAdHoc, type ApiKeyEntry } from '../auth/api-keys';
import type { Config } from '../config';
import type { GraphDatabase, RunOptions } from '../graph/database';
import { GraphReader } from '../graph/graph-reader';
import type { Logger } from '../logger';
import { ChangeTailer } from '../modules/live/change-tailer';
import { LiveCloseCode } from '../modules/live/live-close-codes';
import type { LiveContext } from '../modules/live/live-context';
import { QueryTooComplexError } from '../errors';
import { createRequestContext, type Principal } from './context';
import { operationCost } from './plugins/cost-limit.plugin';
import type { TrustedDocuments } from './trusted-documents';

export interface LiveServerDependencies {
  httpServer: http.Server;
  config: Config;
  db: GraphDatabase;
  logger: Logger;
  schema: GraphQLSchema;
  keys: readonly ApiKeyEntry[];
  /** The client's share of the database, as for HTTP requests (client-gate.ts). */
  gate: (client: string) => NonNullable<RunOptions['gate']>;
  seal: (bookmark: string) => string;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  validationRules: readonly ValidationRule[];
  /** The trusted-documents rule, as for HTTP (TRUSTED_DOCUMENTS=required). */
  trusted?: TrustedDocuments;
}

export interface LiveServer {
  tailer: ChangeTailer;
  /** Closes every socket (1001 Going away), stops the tailer and the WebSocket server. */
  stop(): Promise<void>;
}

interface Connection {
  client: string;
  principal: Principal | undefined;
  counted: boolean;
  subscriptions: Set<string>;
}

/** A key from connectionParams (`authorization: "Bearer <key>"` or `x-api-key`), else from the upgrade request. */
function presentedKey(
  params: Record<string, unknown> | undefined,
  request: http.IncomingMessage,
): string | undefined {
  const bearer = (value: unknown) =>
    typeof value === 'string' && /^Bearer\s+/i.test(value)
      ? value.replace(/^Bearer\s+/i, '').trim()
      : undefined;
  const fromParams =
    bearer(params?.authorization ?? params?.Authorization) ??
    (typeof params?.['x-api-key'] === 'string' ? params['x-api-key'].trim() : undefined);
  if (fromParams !== undefined) return fromParams;
  const header = request.headers['x-api-key'];
  return bearer(request.headers.authorization) ?? (typeof header === 'string' ? header.trim() : undefined);
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function increment(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}

export function startLiveServer(deps: LiveServerDependencies): LiveServer {
  const { config, db, logger, schema } = deps;
  const limits = config.live;
  const tailer = new ChangeTailer(db, logger, {
    pollMs: limits.pollMs,
    batchSize: limits.batchSize,
    replayMax: limits.replayMax,
    queueMax: limits.queueMax,
  });
  const wss = new WebSocketServer({
    server: deps.httpServer,
    path: '/graphql',
    maxPayload: limits.maxPayloadBytes,
    // Browsers send an Origin: hold WebSocket clients to the CORS origins HTTP clients are held to
    // (the API's own pages, same origin, always pass, as same-origin HTTP requests do).
    verifyClient: ({ origin, req }: { origin: string | undefined; req: http.IncomingMessage }) =>
      config.http.corsOrigins === '*' ||
      origin === undefined ||
      config.http.corsOrigins.includes(origin) ||
      sameOrigin(origin, req.headers.host),
  });
  const connections = new WeakMap<WebSocket, Connection>();
  const connectionsPerClient = new Map<string, number>();
  const subscriptionsPerClient = new Map<string, number>();
  const rules = [...specifiedRules, ...deps.validationRules];

  const release = (connection: Connection | undefined, id: string) => {
    if (connection?.subscriptions.delete(id)) increment(subscriptionsPerClient, connection.client, -1);
  };
  const formatAll = (errors: readonly GraphQLError[]) =>
    errors.map((error) => deps.formatError(error.toJSON(), error));

  const server = useServer<Record<string, unknown> | undefined, { live?: Connection }>(
    {
      connectionInitWaitTimeout: limits.initTimeoutMs,
      onConnect: (ctx) => {
        const { socket, request } = ctx.extra;
        const key = presentedKey(ctx.connectionParams, request);
        let principal: Principal | undefined;
        if (key === undefined || key === '') {
          if (config.auth.requireKeyForReads) {
            socket.close(
              LiveCloseCode.KeyRequired,
              'An API key is required: send connectionParams {"authorization": "Bearer <key>"}',
            );
            return false;
          }
        } else {
          const entry = findKey(deps.keys, key);
          if (!entry) {
            socket.close(
              LiveCloseCode.KeyInvalid,
              'The API key is not valid: check it, or ask an admin for a new one',
            );
            return false;
          }
          principal = { keyId: entry.name, role: entry.role, adHoc: grantsAdHoc(entry.role, entry.adHoc) };
        }
        const client = principal ? `key:${principal.keyId}` : `ip:${request.socket.remoteAddress ?? ''}`;
        if ((connectionsPerClient.get(client) ?? 0) >= limits.maxConnectionsPerClient) {
          socket.close(
            LiveCloseCode.TooManyConnections,
            `Too many connections: at most ${limits.maxConnectionsPerClient} per client; close one first`,
          );
          return false;
        }
        increment(connectionsPerClient, client, 1);
        connections.set(socket, { client, principal, counted: true, subscriptions: new Set() });
        return true;
      },
      onSubscribe: (ctx, id, payload) => {
        const { socket } = ctx.extra;
        const connection = connections.get(socket);
        if (!connection) return [new GraphQLError('The connection is not initialised.')];
        if (
          connection.subscriptions.size >= limits.maxSubscriptionsPerConnection ||
          (subscriptionsPerClient.get(connection.client) ?? 0) >= limits.maxSubscriptionsPerClient
        ) {
          socket.close(
            LiveCloseCode.TooManySubscriptions,
            `Too many subscriptions: at most ${limits.maxSubscriptionsPerConnection} per connection, ${limits.maxSubscriptionsPerClient} per client`,
          );
          return [new GraphQLError('Too many subscriptions.')];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: config.limits.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The query could not be parsed.')];
        }
        const refused = deps.trusted?.refusal(connection.principal, payload.query, document);
        if (refused) return [refused];
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [
            new GraphQLError(
              'Over WebSocket only subscriptions run: send queries and mutations as HTTP POST /graphql.',
              { extensions: { code: 'BAD_USER_INPUT' } },
            ),
          ];
        }
        // Each event runs the selection once per subscriber: the HTTP cost limit holds per event.
        const cost = operationCost(schema, document, operation, payload.variables ?? {});
        if (cost > config.limits.maxCost) {
          return [
            new QueryTooComplexError(
              `This subscription could return ${cost} values per event, over the limit of ${config.limits.maxCost}: select fewer nested lists or fields under \`fact\`.`,
              { cost, maxCost: config.limits.maxCost },
            ),
          ];
        }
        connection.subscriptions.add(id);
        increment(subscriptionsPerClient, connection.client, 1);
        const requestId = `ws-${randomUUID()}`;
        const gate = deps.gate(connection.client);
        const context: LiveContext = createRequestContext({
          requestId,
          db,
          logger: () => logger.child({ requestId }),
          gate,
          seal: deps.seal,
          principal: connection.principal,
        });
        context.live = {
          tailer,
          close: (code, reason) => socket.close(code, reason),
          renew: () => {
            context.reader = new GraphReader(db, context.stats, undefined, gate);
          },
        };
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: context,
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: formatAll(result.errors) } : undefined,
      onError: (ctx, id, _payload, errors) => {
        release(connections.get(ctx.extra.socket), id);
        return formatAll(errors);
      },
      onComplete: (ctx, id) => release(connections.get(ctx.extra.socket), id),
      onClose: (ctx) => {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) return;
        for (const id of [...connection.subscriptions]) release(connection, id);
        if (connection.counted) increment(connectionsPerClient, connection.client, -1);
        connection.counted = false;
        connections.delete(ctx.extra.socket);
      },
    },
    wss,
  );

  return {
    tailer,
    async stop() {
      tailer.stop();
      await server.dispose();
    },
  };
}
