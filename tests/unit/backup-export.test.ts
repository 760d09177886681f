/**
 * The pure parts of backup and export (docs/backup.md): the export command line and its one-line
 * refusals, a source's document rebuilt from graph rows (stable, valid, later links left to
 * curation records), and the replay statements' safety. Values are synthetic fixtures.
 */
import { parseExportArgs } from '../../src/export/export-args';
import { documentFromGraph, type RecordRow } from '../../src/export/document-from-graph';
import { validateDocument } from '../../src/ingest/document.validate';
import { replayStatements } from '../../src/ingest/curation-replay';
import { expectKnownVocabulary, expectOnlyInParams, HOSTILE_VALUES } from './helpers/cypher-safety';

const FORMATS = ['jsonl'];

describe('parseExportArgs', () => {
  it('takes --all DIR, and --format with or without --out', () => {
    expect(parseExportArgs(['--', '--all', 'backup/'], FORMATS)).toEqual({
      ok: true,
      request: { kind: 'backup', directory: 'backup/' },
    });
    expect(parseExportArgs(['--format', 'jsonl'], FORMATS)).toEqual({
      ok: true,
      request: { kind: 'format', format: 'jsonl', out: undefined, parameters: {} },
    });
    expect(parseExportArgs(['--format', 'jsonl', '--out', 'd.jsonl'], FORMATS)).toMatchObject({
      request: { out: 'd.jsonl' },
    });
  });

  it('passes other flags of a format that takes parameters on as its parameters', () => {
    expect(
      parseExportArgs(
        ['--format', 'csv', '--type', 'statements', '--actor', 'nation:gbr'],
        [...FORMATS, 'csv'],
        ['csv'],
      ),
    ).toEqual({
      ok: true,
      request: {
        kind: 'format',
        format: 'csv',
        out: undefined,
        parameters: { type: 'statements', actor: 'nation:gbr' },
      },
    });
  });

  it.each([
    [[], 'usage: npm run export -- --all DIR | --format jsonl [--<parameter> VALUE ...] [--out FILE]'],
    [['--format', 'csv'], 'unknown format "csv": use one of jsonl'],
    [['--all'], '--all needs a value'],
    [['--format', '--out', 'x'], '--format needs a value'],
    [['--all', 'a', '--format', 'jsonl'], '--all writes every file of the backup into DIR: give it alone'],
    [['--verbose'], 'unknown argument "--verbose"'],
    [['--out', 'x', '--out', 'y'], '--out is given twice'],
    [
      ['--format', 'jsonl', '--actor', 'nation:gbr'],
      'unknown argument "--actor": --format jsonl takes no parameters',
    ],
    [
      ['--all', 'backup/', '--actor', 'nation:gbr'],
      '--all writes every file of the backup into DIR: give it alone',
    ],
    [['--format', 'csv', '--type', 'a', '--type', 'b'], '--type is given twice'],
  ])('refuses %j with one line that says what to fix', (argv, message) => {
    const parsed = parseExportArgs(argv, FORMATS);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(message);
      expect(parsed.message).not.toContain('\n');
    }
  });
});

const TEXT =
  'Synthetic fixture. Ministers of Testland met in Sample City. The minister said talks went well.';
const SOURCE = {
  id: 'source:synthetic-b',
  title: 'Synthetic report',
  publisher: 'Synthetic Wire',
  publishedAt: '2025-01-02',
  url: null,
  text: TEXT,
  contentHash: null,
};
const at = (excerpt: string) => ({ start: TEXT.indexOf(excerpt), excerpt });

function rows(placeAvailable: boolean): RecordRow[] {
  return [
    {
      label: 'Meeting',
      props: {
        id: 'meeting:2025-01-01-synthetic',
        title: 'Synthetic meeting',
        date: '2025-01-01',
        status: 'HELD',
      },
      evidence: [at('Ministers of Testland met in Sample City')],
      links: [
        { type: 'ATTENDED', out: false, other: 'nation:xta', available: true, evidence: [] },
        { type: 'HELD_AT', out: true, other: 'place:sample-city', available: placeAvailable, evidence: [] },
      ],
    },
    {
      label: 'Nation',
      props: { id: 'nation:xta', name: 'Testland', aliases: ['Test Land'], iso3: 'XTA' },
      evidence: [at('Ministers of Testland')],
      links: [],
    },
    {
      label: 'Statement',
      props: { id: 'statement:synthetic-talks', kind: 'PARAPHRASE', text: 'Talks went well.' },
      evidence: [at('The minister said talks went well.')],
      links: [{ type: 'SAID', out: false, other: 'nation:xta', available: true, evidence: [] }],
    },
  ];
}

describe('documentFromGraph', () => {
  it('rebuilds a valid document, keys and records in a fixed order', () => {
    const { document, laterLinks } = documentFromGraph(SOURCE, rows(true), []);
    expect(validateDocument(document, 'rebuilt').ok).toBe(true);
    expect(Object.keys(document)).toEqual([
      'format',
      'source',
      'nations',
      'officials',
      'organizations',
      'places',
      'topics',
      'meetings',
      'statements',
      'positions',
    ]);
    expect(document.meetings).toEqual([
      {
        id: 'meeting:2025-01-01-synthetic',
        title: 'Synthetic meeting',
        date: '2025-01-01',
        status: 'HELD',
        place: 'place:sample-city',
        convenedBy: [],
        chairs: [],
        participants: ['nation:xta'],
        figures: [],
        topics: [],
        evidence: [{ excerpt: 'Ministers of Testland met in Sample City' }],
      },
    ]);
    expect(laterLinks).toEqual([]);
    expect(JSON.stringify(documentFromGraph(SOURCE, rows(true), []).document)).toBe(JSON.stringify(document));
  });

  it('leaves a link to what only a later source brings to a curation record', () => {
    const { document, laterLinks } = documentFromGraph(SOURCE, rows(false), []);
    expect((document.meetings as { place?: string }[])[0].place).toBeUndefined();
    expect(laterLinks).toEqual([
      {
        kind: 'link',
        type: 'HELD_AT',
        from: 'meeting:2025-01-01-synthetic',
        to: 'place:sample-city',
        evidence: [],
      },
    ]);
  });

  it("turns a record the document cannot hold into the source's mention of it", () => {
    const { document, mentions } = documentFromGraph(
      SOURCE,
      rows(true),
      [],
      new Set(['statement:synthetic-talks']),
    );
    expect(document.statements).toEqual([]);
    expect(mentions).toEqual([
      {
        kind: 'mention',
        source: SOURCE.id,
        id: 'statement:synthetic-talks',
        evidence: [at('The minister said talks went well.')],
      },
    ]);
  });
});

describe('replayStatements', () => {
  it('keeps every value of a curation record in parameters, labels from the model', () => {
    const [hostile] = HOSTILE_VALUES;
    const statements = [
      ...replayStatements([
        {
          kind: 'link',
          type: 'ATTENDED',
          from: 'nation:xta',
          to: 'meeting:2025-01-01-x',
          evidence: [{ source: 'source:s', start: 0, excerpt: hostile }],
        },
      ]),
      ...replayStatements([
        {
          kind: 'merge-mark',
          type: 'MENTIONS',
          from: { label: 'Source', id: hostile },
          to: { label: 'Official', id: 'official:o' },
          movedByMerge: hostile,
        },
      ]),
      ...replayStatements([
        {
          kind: 'retraction',
          id: hostile,
          props: { values: { reason: hostile }, integers: [] },
          about: ['position:p'],
        },
      ]),
    ];
    expect(statements.length).toBeGreaterThan(2);
    for (const query of statements) {
      expect(query.cypher).not.toContain(hostile);
      expectKnownVocabulary(query);
    }
    // The merge's mark and the retraction's reason travel as parameters.
    expectOnlyInParams(
      statements.find((query) => query.cypher.includes('SET r.movedByMerge'))!,
      [hostile],
    );
    expectOnlyInParams(
      statements.find((query) => query.cypher.includes('ON CREATE SET n = row.props'))!,
      [hostile],
    );
  });

  it('refuses a record about an id of no known kind before any statement', () => {
    expect(() => replayStatements([{ kind: 'credibility', fact: 'weird:thing', credibility: 3 }])).toThrow(
      '"weird:thing" is not an id of a known kind',
    );
  });
});
