/**
 * Drafting as a story (src/extract/draft.service.ts): a bad article is refused before the graph is
 * asked anything; a good one asks it once, with the article's names; and whatever the import would
 * refuse in a draft reaches the reviewer as a warning. Synthetic articles and documents.
 */
import { draftDocument, importFindings, type EntityLookup } from '../../src/extract/draft.service';
import type { Draft, KnownEntity } from '../../src/extract/draft.types';
import { lookupNames } from '../../src/extract/lookup-names';
import { FORMAT } from '../../src/ingest/document.format';

const ARTICLE = {
  text: 'Jane Example met ministers in Example City on Thursday.',
  title: 'Talks',
  publisher: 'Example News',
  publishedAt: '2025-01-02',
};

function recordingLookup(known: KnownEntity[] = []): EntityLookup & { calls: (readonly string[])[] } {
  const calls: (readonly string[])[] = [];
  return {
    calls,
    knownEntities: async (names) => {
      calls.push(names);
      return known;
    },
  };
}

describe('draftDocument', () => {
  it('refuses a bad article before asking the graph anything', async () => {
    const lookup = recordingLookup();
    await expect(draftDocument({ ...ARTICLE, publishedAt: 'Thursday' }, lookup)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'article.publishedAt' },
    });
    expect(lookup.calls).toEqual([]);
  });

  it("asks the graph once, with the article's names, and drafts the article's source", async () => {
    const lookup = recordingLookup();
    const draft = await draftDocument({ ...ARTICLE, title: '  Talks ' }, lookup);
    expect(lookup.calls).toEqual([lookupNames(ARTICLE.text)]);
    expect(draft.document.source).toMatchObject({ ...ARTICLE, title: 'Talks' });
  });
});

describe('importFindings', () => {
  const source = { id: 'source:2025-01-02-example-news-talks', ...ARTICLE };
  const draftOf = (document: Record<string, unknown>): Draft =>
    ({
      document: { format: FORMAT, source, ...document },
      entities: [],
      facts: [],
      warnings: [],
    }) as unknown as Draft;
  const statement = (speaker: string, excerpt: string) => ({
    statements: [
      { id: 'statement:s', kind: 'PARAPHRASE', text: 'They met.', speaker, evidence: [{ excerpt }] },
    ],
  });
  const jane: KnownEntity = {
    id: 'official:jane-example',
    kind: 'OFFICIAL',
    name: 'Jane Example',
    aliases: [],
  };

  it('finds nothing in a draft the import takes', () => {
    expect(importFindings(draftOf({}), [])).toEqual([]);
    expect(importFindings(draftOf(statement(jane.id, 'Jane Example met ministers')), [jane])).toEqual([]);
  });

  it("reports the validator's errors, naming record and field", () => {
    const findings = importFindings(draftOf(statement(jane.id, 'Jane Example met nobody')), [jane]);
    expect(findings).toEqual([
      expect.stringMatching(
        /^the import would refuse this draft: statement:s: evidence\[0\]\.excerpt: is not verbatim/,
      ),
    ]);
  });

  it('reports a reference to an id neither the draft nor the matched entities define', () => {
    expect(
      importFindings(draftOf(statement('official:nobody', 'Jane Example met ministers')), [jane]),
    ).toEqual([
      'the import would refuse this draft: statement:s: speaker: refers to "official:nobody", which neither the draft nor the graph\'s matches define',
    ]);
  });
});
