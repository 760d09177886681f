/**
 * The explorer in a real browser: search an official, see the graph, expand a node, read evidence
 * and how many sources and publishers report it.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { foreignRequests, launchBrowser, recordingPage, SCREENSHOTS } from '../helpers/browser';
import { startTestApi, type TestApi } from '../helpers/start-api';

type ExplorerHook = {
  cy: {
    nodes(): { length: number };
    getElementById(id: string): { emit(event: string): void; select(): void; empty(): boolean };
  };
};

describe('explorer (Chromium)', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi();
    browser = await launchBrowser();
  });
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
    await page.evaluate(() =>
      (window as unknown as { __explorer: ExplorerHook }).__explorer.cy
        .getElementById('meeting:2025-04-10-coalition-of-the-willing-brussels')
        .emit('tap'),
    );
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
});
