/**
 * The explorer in a real browser: it opens on the latest meeting; search an official, see the
 * graph, expand a node, read evidence and how many sources and publishers report it; an actor's
 * meetings per month; nodes sized by degree; the view exported as GraphML and CSV.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Browser, Page } from 'playwright-core';
import { foreignRequests, launchBrowser, recordingPage, SCREENSHOTS } from '../helpers/browser';
import { startTestApi, testKeys, type TestApi } from '../helpers/start-api';

type ExplorerHook = {
  cy: {
    nodes(): { length: number };
    getElementById(id: string): { emit(event: string): void; select(): void; empty(): boolean };
  };
};

/** What cytoscape holds and draws, read in the page: ids, types, degrees and drawn widths. */
interface ViewState {
  nodes: { id: string; type: string; degree: number; cytoscapeDegree: number; width: number }[];
  edges: { source: string; target: string; label: string }[];
}

type CyInPage = {
  nodes(): {
    map<T>(
      f: (node: {
        id(): string;
        data(key: string): unknown;
        degree(loops: boolean): number;
        width(): number;
      }) => T,
    ): T[];
  };
  edges(): { map<T>(f: (edge: { data(key: string): unknown }) => T): T[] };
};

function viewState(page: Page): Promise<ViewState> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __explorer: { cy: CyInPage } }).__explorer.cy;
    return {
      nodes: cy.nodes().map((node) => ({
        id: node.id(),
        type: String(node.data('type')),
        degree: Number(node.data('degree')),
        cytoscapeDegree: node.degree(false),
        width: node.width(),
      })),
      edges: cy.edges().map((edge) => ({
        source: String(edge.data('source')),
        target: String(edge.data('target')),
        label: String(edge.data('label')),
      })),
    };
  });
}

/** Waits until the view holds `id` and the layout has run (the status line counts the view). */
async function waitForView(page: Page, id: string): Promise<void> {
  await page.waitForFunction(
    (nodeId) =>
      !(window as unknown as { __explorer: ExplorerHook }).__explorer.cy.getElementById(nodeId).empty() &&
      /\d+ nodes, \d+ edges/.test(document.querySelector('#status')?.textContent ?? ''),
    id,
  );
}

/**
 * Taps a node as a user would. Returns nothing: sending a cytoscape collection back to the test
 * means serializing the whole graph, which stalls the page.
 */
async function tapNode(page: Page, id: string): Promise<void> {
  await page.evaluate((nodeId) => {
    (window as unknown as { __explorer: ExplorerHook }).__explorer.cy.getElementById(nodeId).emit('tap');
  }, id);
}

/** The seed's newest meeting: the Ukraine Defence Contact Group, scheduled for 2025-04-11 (found by hand in seed/). */
const LATEST_MEETING = 'meeting:2025-04-11-ukraine-defence-contact-group-brussels';
/** The seed's other meeting, the day before: the coalition of the willing in Brussels. */
const COALITION_MEETING = 'meeting:2025-04-10-coalition-of-the-willing-brussels';

describe('explorer (Chromium)', () => {
  let api: TestApi;
  let browser: Browser;
  // Reads stay open to all; the admin key retracts a meeting in the last test.
  const keys = testKeys();
  beforeAll(async () => {
    api = await startTestApi({ env: { API_KEYS: keys.env } });
    browser = await launchBrowser();
    // Starting the API (and its Neo4j) takes well over a minute on a busy shared machine.
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('draws a neighbourhood, expands a node and shows its evidence', async () => {
    const { page, requests, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/explorer`);
    await page.fill('#search-text', 'Healey');
    await page.click('#search button[type=submit]');
    await page.click('#hits button[data-id="official:john-healey"]');
    await page.waitForFunction(
      () => ((window as unknown as { __explorer: ExplorerHook }).__explorer.cy.nodes().length ?? 0) > 3,
    );
    const before = await page.evaluate(
      () => (window as unknown as { __explorer: ExplorerHook }).__explorer.cy.nodes().length,
    );
    expect(await page.locator('#details').innerText()).toContain('UK Defence Secretary John Healey');
    // How well reported he is: the seed is one article from one publisher.
    expect(await page.locator('#details .corroboration').innerText()).toBe(
      '1 source · 1 publisher · first reported 2025-04-11 · last reported 2025-04-11',
    );

    // Expand the meeting Healey attended: a tap on the node, as a user would.
    await tapNode(page, 'meeting:2025-04-10-coalition-of-the-willing-brussels');
    await page.waitForFunction(
      (count) => (window as unknown as { __explorer: ExplorerHook }).__explorer.cy.nodes().length > count,
      before,
    );
    const details = page.locator('#details');
    await details.getByText('Healey said 30 countries were represented').waitFor();
    expect(await details.innerText()).toContain('Qatar Tribune, 2025-04-11');
    expect(await page.locator('#status').innerText()).toMatch(/\d+ nodes, \d+ edges/);

    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer.png') });
    expect(foreignRequests(requests, api.url)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it("shows a link's own evidence, and says so when a link has none of its own", async () => {
    const { page, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/explorer`);
    await page.fill('#search-text', 'coalition of the willing');
    await page.click('#search button[type=submit]');
    await page.click('#hits button[data-id="organization:coalition-of-the-willing"]');
    await page.waitForFunction(
      () => ((window as unknown as { __explorer: ExplorerHook }).__explorer.cy.nodes().length ?? 0) > 3,
    );
    const select = (id: string) =>
      page.evaluate((edge) => {
        // Returns nothing: a cytoscape collection is no value to send back to the test.
        (window as unknown as { __explorer: ExplorerHook }).__explorer.cy.getElementById(edge).select();
      }, id);
    const details = page.locator('#details');

    // Finland's membership is backed by its own excerpt, not by anything said about Finland.
    await select('organization:coalition-of-the-willing|membersWithEvidence|nation:fin|');
    await details.getByText('member', { exact: true }).waitFor();
    expect(await details.innerText()).toContain(
      'Defence ministers from the "coalition of the willing" nations',
    );

    // Leadership: "led by" Britain, with the sentence that says so.
    await select('organization:coalition-of-the-willing|leadersWithEvidence|nation:gbr|');
    await details.getByText('led by', { exact: true }).waitFor();
    expect(await details.innerText()).toContain('The group, led by France and Britain');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-link-evidence.png') });

    // A role links an official to the nation he serves, with the role's excerpt.
    await page.fill('#search-text', 'Healey');
    await page.click('#search button[type=submit]');
    await page.click('#hits button[data-id="official:john-healey"]');
    await page.waitForFunction(
      () =>
        !(window as unknown as { __explorer: ExplorerHook }).__explorer.cy
          .getElementById('official:john-healey|roles|nation:gbr|Defence Secretary')
          .empty(),
    );
    await select('official:john-healey|roles|nation:gbr|Defence Secretary');
    await details.getByText('Defence Secretary', { exact: true }).waitFor();
    expect(await details.innerText()).toContain('UK Defence Secretary John Healey');

    // Nationality has no excerpt of its own: the panel says so instead of showing Britain's.
    await select('official:john-healey|nation|nation:gbr');
    await details.getByText('national of', { exact: true }).waitFor();
    expect(await details.innerText()).toContain('No excerpt records this link itself');
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('opens on the latest meeting and who attends it, without a search', async () => {
    const { page, requests, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/explorer`);
    await waitForView(page, LATEST_MEETING);
    const view = await viewState(page);

    // The seed's UDCG meeting: no participant named, chaired by Britain and Germany, held in
    // Brussels, convened by the contact group, about military support: itself and 5 neighbours.
    const fromMeeting = (label: string) =>
      view.edges
        .filter((edge) => edge.source === LATEST_MEETING && edge.label === label)
        .map((edge) => edge.target)
        .sort();
    expect(fromMeeting('chaired by')).toEqual(['nation:deu', 'nation:gbr']);
    expect(fromMeeting('attended by')).toEqual([]);
    expect(fromMeeting('held at')).toEqual(['place:brussels']);
    expect(view.nodes.map((node) => node.id).sort()).toEqual(
      [
        LATEST_MEETING,
        'nation:deu',
        'nation:gbr',
        'organization:ukraine-defence-contact-group',
        'place:brussels',
        'topic:military-support-for-ukraine',
      ].sort(),
    );
    expect(await page.locator('#details h2').innerText()).toBe('Meeting');
    expect(await page.locator('#details').innerText()).toContain('Ukraine Defence Contact Group meeting');
    // The URL names the selection, so the view can be linked to.
    expect(new URL(page.url()).hash).toBe(`#id=${LATEST_MEETING}`);

    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-opening.png') });
    expect(foreignRequests(requests, api.url)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('opens on the node a link names, and search still starts a new view', async () => {
    const { page, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/explorer#id=official:john-healey`);
    await waitForView(page, 'official:john-healey');
    expect(await page.locator('#details').innerText()).toContain('UK Defence Secretary John Healey');
    expect((await viewState(page)).nodes.map((node) => node.id)).not.toContain(LATEST_MEETING);

    await page.fill('#search-text', 'Finland');
    await page.click('#search button[type=submit]');
    await page.click('#hits button[data-id="nation:fin"]');
    await page.waitForFunction(() => window.location.hash === '#id=nation:fin');
    await waitForView(page, 'nation:fin');
    expect((await viewState(page)).nodes.map((node) => node.id)).not.toContain('official:john-healey');
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it("draws an actor's meetings per month as the API counts them", async () => {
    const { page, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/explorer#id=nation:gbr`);
    const bars = page.locator('#timeline:not([hidden]) rect');
    await bars.first().waitFor();
    const strip = page.locator('#timeline');
    const [from, to] = [await strip.getAttribute('data-from'), await strip.getAttribute('data-to')];
    const drawn = await bars.evaluateAll((rects) =>
      rects.map((rect) => ({
        start: rect.getAttribute('data-start'),
        count: Number(rect.getAttribute('data-count')),
        label: rect.getAttribute('aria-label'),
        title: rect.querySelector('title')?.textContent,
      })),
    );
    const answer = await api.query<{
      timeSeries: { total: number; buckets: { start: string; count: number }[] };
    }>(
      `query ($actor: ID!, $from: Date!, $to: Date!) {
        timeSeries(measure: MEETINGS, interval: MONTH, from: $from, to: $to, filter: { actor: $actor }) {
          buckets { start end count } total } }`,
      { actor: 'nation:gbr', from, to },
    );
    expect(answer.errors).toBeUndefined();
    expect(drawn.map(({ start, count }) => ({ start, count }))).toEqual(
      answer.data!.timeSeries.buckets.map(({ start, count }) => ({ start, count })),
    );
    // Britain in the seed: it chairs the UDCG meeting (2025-04-11), and its Defence Secretary
    // Healey attended the coalition meeting (2025-04-10): 1 + 1 = 2 meetings, both in April 2025.
    expect(answer.data!.timeSeries.total).toBe(2);
    expect(drawn.filter((bar) => bar.count > 0)).toEqual([
      {
        start: '2025-04-01',
        count: 2,
        label: 'April 2025: 2 meetings',
        title: 'April 2025: 2 meetings',
      },
    ]);
    // A year at least, so the busy month has months to compare with.
    expect(drawn.length).toBeGreaterThanOrEqual(12);
    await page.locator('#timeline rect[data-start="2025-04-01"]').focus();
    expect(await page.locator('#timeline-readout').innerText()).toBe('April 2025: 2 meetings');

    // A meeting is no actor: selecting one hides the strip.
    await tapNode(page, LATEST_MEETING);
    await page.locator('#timeline').waitFor({ state: 'hidden' });
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('sizes each node by its degree in the view, and resizes when the view expands or is filtered', async () => {
    const { page, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/explorer#id=${COALITION_MEETING}`);
    await waitForView(page, COALITION_MEETING);
    const widest = (view: ViewState) => [...view.nodes].sort((a, b) => b.width - a.width)[0];
    const before = await viewState(page);
    // Nothing is filtered out, so the degree in the view is cytoscape's own.
    for (const node of before.nodes) expect(node.degree).toBe(node.cytoscapeDegree);
    const maxDegree = Math.max(...before.nodes.map((node) => node.degree));
    expect(before.nodes.filter((node) => node.degree === maxDegree).map((node) => node.id)).toEqual([
      COALITION_MEETING,
    ]);
    expect(widest(before).id).toBe(COALITION_MEETING);
    for (const node of before.nodes.filter((node) => node.id !== COALITION_MEETING))
      expect(node.width).toBeLessThan(widest(before).width);

    // Expanding Healey links him to his statements, positions and nation: his degree and size grow.
    const healeyBefore = before.nodes.find((node) => node.id === 'official:john-healey')!;
    await tapNode(page, 'official:john-healey');
    await page.waitForFunction(
      (count) => (window as unknown as { __explorer: ExplorerHook }).__explorer.cy.nodes().length > count,
      before.nodes.length,
    );
    const after = await viewState(page);
    const healeyAfter = after.nodes.find((node) => node.id === 'official:john-healey')!;
    expect(healeyAfter.degree).toBeGreaterThan(healeyBefore.degree);
    expect(healeyAfter.width).toBeGreaterThan(healeyBefore.width);
    const maxAfter = Math.max(...after.nodes.map((node) => node.degree));
    expect(after.nodes.find((node) => node.id === widest(after).id)!.degree).toBe(maxAfter);

    // Hiding topics takes the meeting's six "about" links (seed: 6 topics) out of the view, and out
    // of its degree and size.
    const meetingBefore = after.nodes.find((node) => node.id === COALITION_MEETING)!;
    await page.uncheck('#types input[value="Topic"]');
    const meetingFiltered = (await viewState(page)).nodes.find((node) => node.id === COALITION_MEETING)!;
    expect(meetingFiltered.degree).toBe(meetingBefore.degree - 6);
    expect(meetingFiltered.width).toBeLessThan(meetingBefore.width);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('exports what is drawn as GraphML and CSV', async () => {
    const { page, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/explorer#id=${COALITION_MEETING}`);
    await waitForView(page, COALITION_MEETING);
    const view = await viewState(page);
    const today = new Date().toISOString().slice(0, 10);

    const download = async (button: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
    };

    const graphml = await download('#export-graphml');
    expect(graphml.name).toBe(
      `explorer-meeting_2025-04-10-coalition-of-the-willing-brussels-${today}.graphml`,
    );
    const graph = parseGraphml(Graph, graphml.text);
    expect(graph.order).toBe(view.nodes.length);
    expect(graph.size).toBe(view.edges.length);
    expect(graph.getNodeAttributes(COALITION_MEETING)).toMatchObject({
      type: 'Meeting',
      degree: view.nodes.find((node) => node.id === COALITION_MEETING)!.degree,
    });
    expect(graph.source(graph.edges(COALITION_MEETING, 'place:nato-headquarters')[0])).toBe(
      COALITION_MEETING,
    );

    const csv = await download('#export-csv');
    expect(csv.name).toBe(`explorer-meeting_2025-04-10-coalition-of-the-willing-brussels-${today}.csv`);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('element,id,type,label,degree,source,target');
    expect(lines.length).toBe(1 + view.nodes.length + view.edges.length);
    expect(lines.filter((line) => line.startsWith('node,'))).toHaveLength(view.nodes.length);
    expect(lines).toContain(`edge,,held at,,,${COALITION_MEETING},place:nato-headquarters`);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('opens on the meeting before when the latest is retracted', async () => {
    const retracted = await api.query(
      'mutation ($id: String!) { retract(id: $id, reason: "Synthetic test fixture: reported in error") { id } }',
      { id: LATEST_MEETING },
      { authorization: `Bearer ${keys.admin}` },
    );
    expect(retracted.errors).toBeUndefined();
    const { page, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/explorer`);
    await waitForView(page, COALITION_MEETING);
    const view = await viewState(page);
    expect(view.nodes.map((node) => node.id)).not.toContain(LATEST_MEETING);
    // The coalition meeting's participants, as the seed names them: the coalition and three ministers.
    expect(
      view.edges
        .filter((edge) => edge.source === COALITION_MEETING && edge.label === 'attended by')
        .map((edge) => edge.target)
        .sort(),
    ).toEqual([
      'official:antti-hakkanen',
      'official:john-healey',
      'official:pal-jonson',
      'organization:coalition-of-the-willing',
    ]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
