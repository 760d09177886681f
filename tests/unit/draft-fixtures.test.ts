/**
 * The evaluation corpus itself (tests/fixtures/articles/ and the seed read as gold): every quote and
 * excerpt verbatim, every speaker and holder resolving to an annotated entity, and, across the
 * fixtures, the phrasings and facts drafting must handle. A broken annotation would silently score
 * a good extractor down, so it fails here first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR, loadFixtureCases, loadSeedCase } from '../../scripts/lib/draft-corpus';
import { nationCodeOf } from '../../src/extract/eval-actors';
import { unresolvedGoldActors } from '../../src/extract/evaluate';

const fixtures = loadFixtureCases();
const seed = loadSeedCase();
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('synthetic fixtures', () => {
  it('are at least 8, each 120 to 400 words, each marked synthetic, with a README saying so', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    for (const { name, article, gold } of fixtures) {
      const count = words(article.text);
      expect({ name, count, fits: count >= 120 && count <= 400, synthetic: gold.synthetic }).toEqual({
        name,
        count,
        fits: true,
        synthetic: true,
      });
    }
    expect(readFileSync(path.join(FIXTURE_DIR, 'README.md'), 'utf8')).toMatch(
      /synthetic test fixtures written for this project\. They are not real reporting/,
    );
  });

  it.each([...fixtures.map((fixture) => [fixture.name, fixture] as const), ['seed', seed] as const])(
    '%s: quotes and excerpts are verbatim, names resolve, dates are in order',
    (_name, { article, gold }) => {
      const notVerbatim = [
        ...gold.quotes.map((quote) => quote.text),
        ...gold.paraphrases.map((paraphrase) => paraphrase.excerpt),
        ...gold.positions.map((position) => position.excerpt),
        ...gold.meetings.map((meeting) => meeting.excerpt),
      ].filter((text) => !article.text.includes(text));
      expect(notVerbatim).toEqual([]);
      expect(unresolvedGoldActors(gold)).toEqual([]);
      expect(gold.nations.filter((code) => nationCodeOf(code) !== code)).toEqual([]);
      expect(new Set(gold.nations).size).toBe(gold.nations.length);
      expect(gold.meetings.every((m) => m.dateLatest === undefined || m.dateLatest > m.date)).toBe(true);
    },
  );

  it('together cover every stance, status and quoting style the issue lists', () => {
    const all = fixtures.map((fixture) => fixture.article.text).join('\n');
    const golds = fixtures.map((fixture) => fixture.gold);
    expect(new Set(golds.flatMap((gold) => gold.positions.map((p) => p.stance)))).toEqual(
      new Set(['SUPPORTS', 'OPPOSES', 'STRESSES', 'REFUSES', 'HESITANT', 'PLEDGES']),
    );
    expect(new Set(golds.flatMap((gold) => gold.meetings.map((m) => m.status)))).toEqual(
      new Set(['HELD', 'SCHEDULED', 'CANCELLED']),
    );
    expect(golds.some((gold) => gold.meetings.some((m) => m.dateLatest))).toBe(true);
    expect(golds.some((gold) => gold.meetings.some((m) => m.nationsRepresented))).toBe(true);
    for (const pattern of [
      /said: "/, // speaker before, with a colon
      /told reporters "/, // speaker before, no colon
      /," \p{L}[\p{L} -]+ said\./u, // speaker after ("…," de Wit said.)
      /," said [A-Z]/, // "…," said X, the …
      /," (he|she) (added|said)/, // continued with a pronoun
      /,” [A-Z][\p{L}]+ said, “/u, // split around the attribution, curly quotes
      /," [A-Z][\p{L}]+ said, "/u, // split, straight quotes
      /\b(said|told [a-z ]+) that /,
      /\bwarned that /,
      /\bargued that /,
      /\binsisted (that|on the importance)/,
      /\bnoted that /,
      /counterpart/,
      /\bmet\b.*\bon (Monday|Tuesday|Wednesday)/,
      /will meet .* next week/,
      /are to hold talks on Friday/,
      /is scheduled to host/,
      /postponed/,
      /cancelled/,
      /\byesterday\b/,
      /\blast week\b/,
      /\bnext Thursday\b/,
      /\bon \d{1,2} (February|March)\b/,
      /\b(July|November|December) \d{1,2}\b/,
      /around 40 countries/,
      /Delegations from 12 nations/,
      /\b(refused|declined|rejected)\b/,
      /\b(pledged|committed|promised)\b/,
      /\b(backed|supports|welcomed)\b/,
      /\b(opposed|criticised|condemned)\b/,
      /\b(hesitant|undecided|reluctant)\b/,
      /\b(stressed|underlined|emphasised)\b/,
      /\bthe U\.S\./,
      /\bUK\b/,
      /\bDutch\b/,
      /\bEmirati\b/,
      /Moscow said/,
      /Çelik[\s\S]*Celik/,
      /Zürcher[\s\S]*Zurcher/,
    ])
      expect({ pattern: String(pattern), found: pattern.test(all) }).toEqual({
        pattern: String(pattern),
        found: true,
      });
  });
});

describe('the seed read as gold', () => {
  it('holds the seed extraction: nations by ISO3, quotes and paraphrases by kind, positions with topics', () => {
    const { gold } = seed;
    expect(gold.synthetic).toBe(false);
    expect(gold.nations.sort()).toEqual(['BEL', 'DEU', 'FIN', 'FRA', 'GBR', 'RUS', 'SWE', 'UKR', 'USA']);
    expect(gold.quotes.map((quote) => quote.speaker)).toEqual(['John Healey', 'John Healey', 'John Healey']);
    expect(gold.paraphrases).toHaveLength(6);
    expect(gold.paraphrases).toContainEqual({
      speaker: 'Keir Starmer',
      excerpt:
        'UK Prime Minister Keir Starmer has said in the past that such a guarantee is vital to deterring Russian aggression.',
    });
    expect(gold.positions).toHaveLength(9);
    expect(gold.positions).toContainEqual(
      expect.objectContaining({
        holder: 'United States',
        stance: 'REFUSES',
        topic: 'US security backstop',
        topicAliases: expect.arrayContaining(['security backstop']),
      }),
    );
    expect(gold.meetings.map(({ date, status }) => ({ date, status }))).toEqual([
      { date: '2025-04-10', status: 'HELD' },
      { date: '2025-04-11', status: 'SCHEDULED' },
    ]);
    expect(gold.officials).toContainEqual(
      expect.objectContaining({
        name: 'Antti Häkkänen',
        aliases: expect.arrayContaining(['Hakkanen']),
        nation: 'FIN',
      }),
    );
  });
});
