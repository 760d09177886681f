/**
 * The document validator (src/ingest/document.validate.ts) on small synthetic documents: a good
 * one passes with the references it could not resolve itself, and every error names the file, the
 * record and the field, so the author knows where to look. All at once, not one per attempt.
 */
import {
  formatDocumentError,
  parseDocumentText,
  validateDocument,
  type DocumentError,
} from '../../src/ingest/document.validate';
import { syntheticDocument, type Json } from './helpers/synthetic-document';

const FILE = 'synthetic.json';

/** The errors validateDocument reports for `document`; fails the test if it accepts the document. */
function errorsOf(document: Json): DocumentError[] {
  const result = validateDocument(document, FILE);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.errors;
}

describe('validateDocument', () => {
  it('accepts a good document and returns the references left for the loader', () => {
    const result = validateDocument(syntheticDocument(), FILE);
    if (!result.ok) throw new Error(result.errors.map(formatDocumentError).join('\n'));
    expect(result.document.nations[0].aliases).toEqual([]); // defaults filled in
    // The place is referred to but not defined here: the loader looks for it in the graph.
    expect(result.unresolvedReferences).toEqual([
      { record: 'meeting:2025-04-10-example-alliance-talks', field: 'place', id: 'place:example-city' },
    ]);
  });

  it.each<[string, (document: Json) => void, Partial<DocumentError>]>([
    [
      'an unknown field',
      (d) => (d.meetings[0].venue = 'Example Hall'),
      {
        record: 'meeting:2025-04-10-example-alliance-talks',
        field: 'venue',
        message: expect.stringContaining('is not a field of this format'),
      },
    ],
    [
      'a missing field',
      (d) => delete d.organizations[0].kind,
      { record: 'organization:example-alliance', field: 'kind', message: 'is required' },
    ],
    [
      'a malformed id',
      (d) => (d.officials[0].id = 'official:Jane_Example'),
      {
        record: 'official:Jane_Example',
        field: 'id',
        message: expect.stringContaining('must be an id like "official:some-slug"'),
      },
    ],
    [
      'a source field',
      (d) => (d.source.url = 'javascript:alert(1)'),
      { record: 'source', field: 'url', message: expect.stringContaining('http(s) URL') },
    ],
    [
      'a nested field of a role',
      (d) => (d.officials[0].roles[0].since = '2025-02-30'),
      { record: 'official:jane-example', field: 'roles[0].since', message: 'must be a real calendar date' },
    ],
    [
      'an excerpt too short to show anything',
      (d) => (d.nations[0].evidence[0].excerpt = 'Examplia'),
      {
        record: 'nation:xyz',
        field: 'evidence[0].excerpt',
        message: expect.stringContaining('at least 2 words'),
      },
    ],
    [
      'an excerpt not in the source',
      (d) => (d.nations[0].evidence[0].excerpt = 'Examplia declared war'),
      {
        record: 'nation:xyz',
        field: 'evidence[0].excerpt',
        message: expect.stringContaining('is not verbatim in source.text: "Examplia declared war"'),
      },
    ],
    [
      'a role excerpt not in the source',
      (d) => (d.officials[0].roles[0].evidence[0].excerpt = 'Prime Minister Jane Example'),
      { record: 'role:jane-example-minister', field: 'evidence[0].excerpt' },
    ],
    [
      'a nation whose iso3 is not its id',
      (d) => (d.nations[0].iso3 = 'XYW'),
      { record: 'nation:xyz', field: 'iso3', message: 'must match the id: "nation:xyz" needs iso3 "XYZ"' },
    ],
    [
      'a meeting whose date is not in its id',
      (d) => (d.meetings[0].date = '2025-04-09'),
      {
        record: 'meeting:2025-04-10-example-alliance-talks',
        field: 'date',
        message: 'must match the date in the id (2025-04-10)',
      },
    ],
    [
      'a QUOTE that is not verbatim',
      (d) => (d.statements[0].text = 'We will stop the example fund.'),
      {
        record: 'statement:jane-example-2025-04-10',
        field: 'text',
        message: expect.stringContaining('use kind PARAPHRASE'),
      },
    ],
    [
      'a reused id',
      (d) => d.topics.push({ id: 'topic:finance', name: 'Finance again' }),
      { record: 'topic:finance', field: 'id', message: expect.stringContaining('id reused') },
    ],
    [
      'a topic cycle',
      (d) => (d.topics[1].broader = 'topic:example-fund'),
      {
        record: 'topic:example-fund',
        field: 'broader',
        message: expect.stringContaining(
          'makes a cycle (topic:example-fund -> topic:finance -> topic:example-fund)',
        ),
      },
    ],
    [
      'a topic broader than itself',
      (d) => (d.topics[1].broader = 'topic:finance'),
      {
        record: 'topic:finance',
        field: 'broader',
        message: 'must not be the topic itself: a topic cannot be broader than itself',
      },
    ],
  ])('names file, record and field for %s', (_case, breakIt, expected) => {
    const document = syntheticDocument();
    breakIt(document);
    expect(errorsOf(document)).toContainEqual({
      file: FILE,
      record: expect.any(String),
      field: expect.any(String),
      message: expect.any(String),
      ...expected,
    });
  });

  it('reports every problem at once', () => {
    const document = syntheticDocument();
    document.nations[0].iso3 = 'XYW';
    document.meetings[0].date = '2025-04-09';
    document.statements[0].text = 'Not said.';
    expect(errorsOf(document).map((error) => error.field)).toEqual(['iso3', 'date', 'text']);
  });

  it('names the document itself when its format is wrong', () => {
    const document = syntheticDocument();
    document.format = 'something-else';
    expect(errorsOf(document)).toContainEqual({
      file: FILE,
      record: '(document)',
      field: 'format',
      message: 'must be "diplomacy-graph/document@1"',
    });
  });
});

describe('reading a document', () => {
  it('reports malformed JSON with its line and column', () => {
    const result = parseDocumentText('{\n  "format": "x",\n  oops\n}', FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: FILE, record: '(document)', field: '(json)' });
    expect(result.errors[0].message).toMatch(/^is not valid JSON at line 3, column 3: /);
  });

  it('prints an error as one line: file, record, field, message', () => {
    expect(
      formatDocumentError({ file: FILE, record: 'nation:xyz', field: 'iso3', message: 'must match the id' }),
    ).toBe('synthetic.json: nation:xyz: iso3: must match the id');
  });
});
