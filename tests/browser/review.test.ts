/**
 * The review page in a real browser: paste the seed article, draft it, review the proposals and
 * import them with an editor's key into an empty graph; the API must then answer "who stressed US
 * involvement" as it does from the hand-made seed. A rejected fact must stay out of the graph and
 * a corrected stance must go in as corrected. Nothing loads from elsewhere, nothing logs an error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { foldText } from '../../src/graph/text';
import { foreignRequests, launchBrowser, recordingPage, SCREENSHOTS } from '../helpers/browser';
import { resetGraph, SEED_DIR, startTestApi, testKeys, type TestApi } from '../helpers/start-api';

const SEED = '2025-04-11-qatar-tribune-coalition-of-the-willing';
const seedSource = (
  JSON.parse(readFileSync(path.join(SEED_DIR, `${SEED}.json`), 'utf8')) as {
    source: { title: string; publisher: string; publishedAt: string };
  }
).source;
const seedText = readFileSync(path.join(SEED_DIR, `${SEED}.txt`), 'utf8');

const HOLDERS = `query Holders($stance: Stance!) {
  positions(filter: { stance: [$stance], topic: "US involvement" }) { nodes { holder { name } } }
}`;

/** Who holds a stance on US involvement, names folded (a draft may spell them as the article does). */
async function holders(api: TestApi, stance: string): Promise<string[]> {
  const answer = await api.query<{ positions: { nodes: { holder: { name: string } }[] } }>(HOLDERS, {
    stance,
  });
  expect(answer.errors).toBeUndefined();
  return [...new Set(answer.data!.positions.nodes.map((node) => foldText(node.holder.name)))].sort();
}

/** Fills the form with the seed article as an analyst would, drafts it and waits for the facts. */
async function draftSeedArticle(page: Page): Promise<void> {
  await page.getByLabel('Title', { exact: true }).fill(seedSource.title);
  await page.getByLabel('Publisher', { exact: true }).fill(seedSource.publisher);
  await page.getByLabel('Published', { exact: true }).fill(seedSource.publishedAt);
  await page.fill('#article-text', seedText);
  await page.click('#draft-button');
  await page.locator('#draft-status.success, #draft-status.error').waitFor({ timeout: 30_000 });
  const status = page.locator('#draft-status.error');
  if ((await status.count()) > 0) throw new Error(`drafting failed: ${await status.innerText()}`);
  await page.locator('#facts [data-fact-id]').first().waitFor();
}

async function importWithKey(page: Page, key: string): Promise<string> {
  await page.getByLabel('Editor API key').fill(key);
  await page.click('#import-button');
  await page.locator('#import-result.success, #import-result.error').waitFor({ timeout: 30_000 });
  return page.locator('#import-result').innerText();
}

interface PositionCard {
  id: string;
  holder: string;
  stance: string;
}

/** The position cards as a reviewer reads them: the holder's name as the select shows it, the stance. */
function positionCards(page: Page): Promise<PositionCard[]> {
  return page.$$eval('#facts [data-fact-id][data-kind=POSITION]', (cards) =>
    cards.map((card) => {
      const holder = card.querySelector<HTMLSelectElement>('select[data-field=actor]')!;
      return {
        id: (card as HTMLElement).dataset.factId!,
        holder: holder.selectedOptions[0]?.textContent ?? '',
        stance: card.querySelector<HTMLSelectElement>('select[data-field=stance]')!.value,
      };
    }),
  );
}

/**
 * An analyst's graph holds its topic vocabulary before articles arrive: the seed's topics (names,
 * aliases, broader links; no facts), so the draft can file "such a guarantee" under the US
 * security backstop, which is part of US involvement.
 */
async function loadTopicVocabulary(api: TestApi, editorKey: string): Promise<void> {
  const seed = JSON.parse(readFileSync(path.join(SEED_DIR, `${SEED}.json`), 'utf8')) as {
    topics: { id: string; name: string; aliases: string[]; broader?: string }[];
  };
  const text = 'Topic vocabulary for the review test (a synthetic test fixture, not reporting).';
  const document = {
    format: 'diplomacy-graph/document@1',
    source: {
      id: 'source:synthetic-topic-vocabulary',
      title: 'Topic vocabulary',
      publisher: 'Synthetic',
      publishedAt: '2025-01-01',
      text,
    },
    topics: seed.topics.map(({ id, name, aliases, broader }) => ({
      id,
      name,
      aliases,
      ...(broader ? { broader } : {}),
    })),
  };
  const answer = await api.query(
    'mutation Import($document: JSONObject!) { importDocument(document: $document) { status } }',
    { document },
    { authorization: `Bearer ${editorKey}` },
  );
  expect(answer.errors).toBeUndefined();
}

describe('review page (Chromium)', () => {
  const keys = testKeys();
  let api: TestApi;
  let browser: Browser;
  /** What the hand-made seed answers; the graph is seeded when the API starts. */
  let seedStressHolders: string[];
  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
    seedStressHolders = await holders(api, 'STRESSES');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('drafts the seed article, imports every proposal and answers as the hand-made seed does', async () => {
    expect(seedStressHolders).toEqual(['antti hakkanen', 'keir starmer', 'pal jonson']);
    await resetGraph(api.api);
    await loadTopicVocabulary(api, keys.editor);
    expect(await holders(api, 'STRESSES')).toEqual([]);

    const { page, requests, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/review`);
    await draftSeedArticle(page);

    // Every proposed fact is highlighted in the text; selecting one marks exactly its excerpt.
    const facts = page.locator('#facts [data-fact-id]');
    expect(await facts.count()).toBeGreaterThan(0);
    const card = page.locator('#facts [data-fact-id][data-kind=POSITION]').first();
    const factId = (await card.getAttribute('data-fact-id'))!;
    const excerpt = await card.locator('blockquote.excerpt').innerText();
    await card.locator('.fact-summary').click();
    await page.locator(`#facts [data-fact-id="${factId}"].selected`).waitFor();
    const marked = await page.$$eval('#article-view mark.current', (marks) =>
      marks.map((m) => m.textContent).join(''),
    );
    expect(marked).toBe(excerpt);
    // And back: clicking text only one fact covers selects that fact's card.
    const single = page.locator('#article-view mark:not([data-facts*=" "])').last();
    const singleId = (await single.getAttribute('data-facts'))!;
    await single.click();
    await page.locator(`#facts [data-fact-id="${singleId}"].selected`).waitFor();
    expect(await page.locator('#facts .fact.selected').count()).toBe(1);

    await page.click('#accept-all');
    expect(await page.locator('#facts .fact.rejected').count()).toBe(0);
    const result = await importWithKey(page, keys.editor);
    expect(result).toMatch(/^Imported: created/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review.png'), fullPage: true });

    expect(await holders(api, 'STRESSES')).toEqual(seedStressHolders);
    expect(foreignRequests(requests, api.url)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it('imports what the reviewer decided: a rejected fact stays out, a corrected stance goes in', async () => {
    await resetGraph(api.api);
    await loadTopicVocabulary(api, keys.editor);
    const { page, requests, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/review`);
    await draftSeedArticle(page);

    const cards = await positionCards(page);
    const stressing = (name: RegExp) =>
      cards.find((card) => card.stance === 'STRESSES' && name.test(foldText(card.holder)));
    const jonson = stressing(/pal jonson/);
    const starmer = stressing(/keir starmer/);
    if (!jonson || !starmer)
      throw new Error(`no STRESSES position for Jonson and Starmer among ${JSON.stringify(cards)}`);

    await page.locator(`[data-fact-id="${jonson.id}"] [data-decision=reject]`).check();
    await page.locator(`[data-fact-id="${starmer.id}"] select[data-field=stance]`).selectOption('SUPPORTS');
    await page.locator(`[data-fact-id="${jonson.id}"].rejected`).waitFor();
    expect(await page.locator('#review-problems').innerText()).toBe('');
    await page.locator(`[data-fact-id="${starmer.id}"] .fact-summary`).click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-decisions.png') });
    const result = await importWithKey(page, keys.editor);
    expect(result).toMatch(/^Imported: created/);

    expect(await holders(api, 'STRESSES')).toEqual(
      seedStressHolders.filter((name) => !/jonson|starmer/.test(name)),
    );
    expect(await holders(api, 'SUPPORTS')).toContain('keir starmer');
    const node = (id: string) =>
      api.query<{ node: { stance?: string } }>(
        'query Node($id: ID!) { node(id: $id) { ... on Position { stance } } }',
        {
          id,
        },
      );
    expect((await node(starmer.id)).data).toEqual({ node: { stance: 'SUPPORTS' } });
    expect((await node(jonson.id)).errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(foreignRequests(requests, api.url)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it('shows a refused import with its error code, and writes nothing', async () => {
    await resetGraph(api.api);
    const { page, requests, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/review`);
    await draftSeedArticle(page);
    // A reader's key may not write: the page shows the API's answer as it came.
    const result = await importWithKey(page, keys.reader);
    expect(result).toMatch(/^FORBIDDEN: /);
    expect(await page.locator('#import-result').getAttribute('class')).toBe('error');
    expect(await holders(api, 'STRESSES')).toEqual([]);
    expect(foreignRequests(requests, api.url)).toEqual([]);
    // The browser logs the refused request itself (HTTP 403); the page logs nothing else.
    expect(consoleErrors.filter((message) => !/status of 403/.test(message))).toEqual([]);
  }, 90_000);
});
