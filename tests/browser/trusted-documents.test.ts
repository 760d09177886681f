/**
 * The pages under TRUSTED_DOCUMENTS=required, with no API key: the explorer and the playground's
 * saved examples send manifest operations only, so they work as they do without the mode, while an
 * edited query is refused with a message that says what to do.
 */
import type { Browser } from 'playwright-core';
import { foreignRequests, launchBrowser, recordingPage } from '../helpers/browser';
import { startTestApi, type TestApi } from '../helpers/start-api';

/** The seed's newest meeting (see explorer.test.ts): the explorer opens on it. */
const LATEST_MEETING = 'meeting:2025-04-11-ukraine-defence-contact-group-brussels';

type CyHook = { __explorer: { cy: { getElementById(id: string): { empty(): boolean } } } };

describe('pages with trusted documents required (Chromium)', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startTestApi({ env: { TRUSTED_DOCUMENTS: 'required' } });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('the explorer opens on the latest meeting, searches and draws an official', async () => {
    const { page, requests, consoleErrors } = await recordingPage(browser);
    await page.goto(`${api.url}/explorer`);
    await page.waitForFunction(
      (id) => !(window as unknown as CyHook).__explorer.cy.getElementById(id).empty(),
      LATEST_MEETING,
    );
    await page.fill('#search-text', 'Healey');
    await page.click('#search button[type=submit]');
    await page.click('#hits button[data-id="official:john-healey"]');
    await page.locator('#details').getByText('UK Defence Secretary John Healey').waitFor();
    // The actor's meetings per month: the third operation the explorer sends.
    await page.locator('#timeline:not([hidden])').waitFor();
    expect(foreignRequests(requests, api.url)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, 60_000);

  it('the playground runs a saved example, and refuses it once edited', async () => {
    const { page } = await recordingPage(browser);
    await page.goto(`${api.url}/playground`);
    await page.getByRole('button', { name: 'Show Examples' }).click();
    await page.getByRole('button', { name: /^Who stressed US involvement\?/ }).click();
    await page.locator('.graphiql-execute-button').click();
    const result = () =>
      page.evaluate(() =>
        (
          document.querySelector('.result-window .CodeMirror') as unknown as {
            CodeMirror: { getValue(): string };
          }
        ).CodeMirror.getValue(),
      );
    await page.locator('.result-window').getByText('"data"').first().waitFor({ timeout: 20_000 });
    expect(await result()).toContain('stressing the importance of US involvement');

    await page.evaluate(() => {
      const editor = (
        document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as {
          CodeMirror: { getValue(): string; setValue(text: string): void };
        }
      ).CodeMirror;
      editor.setValue(editor.getValue().replace('summary', 'summary stance'));
    });
    await page.locator('.graphiql-execute-button').click();
    await page
      .locator('.result-window')
      .getByText('OPERATION_NOT_TRUSTED')
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await result()).toContain('npm run codegen');
  }, 60_000);
});
