/**
 * Trusted documents and automatic persisted queries over HTTP, with TRUSTED_DOCUMENTS=required:
 * manifest operations run for every key (as text, by `documentId`, by APQ hash), ad-hoc ones only
 * for keys with the grant (admin, or an entry flagged `adhoc`) and still under the cost limit, and
 * an APQ registration by a key without the grant never reaches the cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createKey } from '../src/auth/api-keys';
import { DRAFT_DOCUMENT } from '../src/web/review/queries';
import { LATEST_MEETING, NEIGHBOURHOOD, SEARCH } from '../src/web/explorer/queries';
import { errorCodes, type GraphQLResponse } from './helpers/graphql';
import { startTestApi, testKeys, type TestApi } from './helpers/start-api';

const keys = testKeys();
const adHocReader = createKey('test-adhoc-reader', 'reader', true);
const AD_HOC = '{ nations(first: 3) { nodes { id } } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const idOf = (document: { __meta__?: Record<string, unknown> }) => String(document.__meta__!.hash);

let api: TestApi;

/** Posts a raw GraphQL-over-HTTP body, as a client that persists its operations would. */
async function post(body: Record<string, unknown>, key?: string): Promise<GraphQLResponse> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
}

const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

beforeAll(async () => {
  api = await startTestApi({
    env: { TRUSTED_DOCUMENTS: 'required', API_KEYS: `${keys.env},${adHocReader.entry}` },
  });
});
afterAll(() => api?.stop());

describe('TRUSTED_DOCUMENTS=required', () => {
  it('runs a manifest operation sent as its text, for a reader and for a client without a key', async () => {
    for (const key of [keys.reader, undefined]) {
      const answer = await post({ query: SEARCH.toString(), variables: { text: 'Healey' } }, key);
      expect(answer.errors).toBeUndefined();
      expect(JSON.stringify(answer.data)).toContain('official:john-healey');
    }
  });

  it('runs a playground example sent as written (comments, its own layout): it is the manifest operation', async () => {
    const example = readFileSync(
      path.join(__dirname, '..', 'schema', 'examples', 'who-met-whom.graphql'),
      'utf8',
    );
    const answer = await post({ query: example }, keys.reader);
    expect(answer.errors).toBeUndefined();
    expect((answer.data as { coAttendance: unknown[] }).coAttendance.length).toBeGreaterThan(0);
  });

  it('runs a manifest operation sent by documentId, by GET too, and by its bare APQ hash', async () => {
    const byId = await post(
      { documentId: idOf(NEIGHBOURHOOD), variables: { id: 'nation:gbr' } },
      keys.reader,
    );
    expect(byId.errors).toBeUndefined();
    expect((byId.data as { node: { id: string; name: string } }).node.id).toBe('nation:gbr');

    const params = new URLSearchParams({
      documentId: idOf(LATEST_MEETING),
      variables: JSON.stringify({}),
    });
    const response = await fetch(`${api.url}/graphql?${params}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    const byGet = (await response.json()) as GraphQLResponse<{ meetings: { nodes: unknown[] } }>;
    expect(byGet.errors).toBeUndefined();
    expect(byGet.data!.meetings.nodes.length).toBeGreaterThan(0);

    const hex = idOf(SEARCH).replace(/^sha256:/, '');
    const byHash = await post({ extensions: persisted(hex), variables: { text: 'Healey' } }, keys.reader);
    expect(byHash.errors).toBeUndefined();
    expect(JSON.stringify(byHash.data)).toContain('official:john-healey');
  });

  it('refuses an ad-hoc operation for a reader and a keyless client, saying what to do', async () => {
    for (const key of [keys.reader, keys.editor, undefined]) {
      const answer = await post({ query: AD_HOC }, key);
      expect(answer.status).toBe(403);
      expect(errorCodes(answer)).toEqual(['OPERATION_NOT_TRUSTED']);
      expect(answer.errors![0].message).toMatch(/npm run codegen/);
      expect(answer.data ?? undefined).toBeUndefined();
    }
    // A manifest operation edited by one field is ad hoc too.
    const edited = SEARCH.toString().replace('score', 'score __typename');
    expect(errorCodes(await post({ query: edited, variables: { text: 'x' } }, keys.reader))).toEqual([
      'OPERATION_NOT_TRUSTED',
    ]);
  });

  it('leaves schema discovery to INTROSPECTION: an introspection-only operation runs for a reader', async () => {
    const answer = await post({ query: '{ __schema { queryType { name } } }' }, keys.reader);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    // Not a way around the manifest: mixed with a data field, it is ad hoc.
    expect(
      errorCodes(await post({ query: '{ __typename nations(first: 1) { nodes { id } } }' }, keys.reader)),
    ).toEqual(['OPERATION_NOT_TRUSTED']);
  });

  it('runs ad-hoc operations for an admin and a key flagged adhoc, under the cost limit', async () => {
    for (const key of [keys.admin, adHocReader.key]) {
      const answer = await post({ query: AD_HOC }, key);
      expect(answer.errors).toBeUndefined();
      expect((answer.data as { nations: { nodes: unknown[] } }).nations.nodes.length).toBeGreaterThan(0);
    }
    const costly =
      '{ nations(first: 100) { nodes { meetings(first: 100) { nodes { participants { name } } } } } }';
    expect(errorCodes(await post({ query: costly }, adHocReader.key))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('answers PERSISTED_QUERY_NOT_FOUND for an unknown documentId or hash', async () => {
    const unknownId = await post({ documentId: `sha256:${sha256('no such operation')}` }, keys.reader);
    expect(errorCodes(unknownId)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const unknownHash = await post({ extensions: persisted(sha256('no such operation')) }, keys.admin);
    expect(errorCodes(unknownHash)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('APQ for a granted key: hash only -> PERSISTED_QUERY_NOT_FOUND, register with the text, then the hash alone runs', async () => {
    const query = '{ nations(first: 2) { nodes { id name } } }';
    const hash = sha256(query);
    expect(errorCodes(await post({ extensions: persisted(hash) }, adHocReader.key))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    const registered = await post({ query, extensions: persisted(hash) }, adHocReader.key);
    expect(registered.errors).toBeUndefined();
    const byHash = await post({ extensions: persisted(hash) }, adHocReader.key);
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual(registered.data);
    // Registered by a granted key, the document is still ad hoc for a reader.
    expect(errorCodes(await post({ extensions: persisted(hash) }, keys.reader))).toEqual([
      'OPERATION_NOT_TRUSTED',
    ]);
  });

  it('refuses an APQ registration of an ad-hoc document by a reader, and caches nothing', async () => {
    const query = '{ nations(first: 4) { nodes { id } } }';
    const hash = sha256(query);
    expect(errorCodes(await post({ query, extensions: persisted(hash) }, keys.reader))).toEqual([
      'OPERATION_NOT_TRUSTED',
    ]);
    expect(errorCodes(await post({ extensions: persisted(hash) }, keys.admin))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
  });

  it('the review page drafts as it does from the browser: by documentId, with no key', async () => {
    const article = {
      title: 'Synthetic fixture: ministers meet',
      publisher: 'Synthetic Press',
      publishedAt: '2025-04-11',
      text: 'John Healey met Pal Jonson in Brussels on 10 April 2025.',
    };
    const answer = await post({ documentId: idOf(DRAFT_DOCUMENT), variables: { article } });
    expect(answer.errors).toBeUndefined();
    expect(
      (answer.data as { draftDocument: { entities: unknown[] } }).draftDocument.entities.length,
    ).toBeGreaterThan(0);
  });
});
