/** The explorer in a real browser: search an official, see the graph, expand a node, read evidence. */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { foreignRequests, launchBrowser, recordingPage, SCREENSHOTS } from '../helpers/browser';
import { startTestApi, type TestApi } from '../helpers/start-api';

type ExplorerHook = {
  cy: {
    nodes(): { length: number };
    getElementById(id: string): { emit(event: string): void; select(): void };
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
});
