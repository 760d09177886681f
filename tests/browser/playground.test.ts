/** The playground in a real browser: pick the saved question, run it, read the answer; nothing loads from elsewhere. */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { foreignRequests, launchBrowser, recordingPage, SCREENSHOTS } from '../helpers/browser';
import { startTestApi, type TestApi } from '../helpers/start-api';

describe('playground (Chromium)', () => {
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

  it('redirects / to the playground', async () => {
    const response = await fetch(`${api.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/playground');
  });

  it('runs "who stressed US involvement" and shows Häkkänen and Jonson', async () => {
    const { page, requests, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/playground`);
    await page.getByRole('button', { name: 'Show Examples' }).click();
    await page.getByRole('button', { name: /^Who stressed US involvement\?/ }).click();
    await page.locator('.graphiql-execute-button').click();
    // The result pane is a CodeMirror editor that renders only visible lines: read its whole value.
    await page.locator('.result-window').getByText('"data"').first().waitFor({ timeout: 20_000 });
    const text = await page.evaluate(() =>
      (
        document.querySelector('.result-window .CodeMirror') as unknown as {
          CodeMirror: { getValue(): string };
        }
      ).CodeMirror.getValue(),
    );
    expect(text).toMatch(/Antti H(ä|a)kk(ä|a)nen/);
    expect(text).toMatch(/J(o|ö)nson/);
    expect(text).toContain('stressing the importance of US involvement');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'playground.png') });
    expect(foreignRequests(requests, api.url)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
