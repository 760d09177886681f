/**
 * Makes sure the pages have their bundle when the API starts. A production image ships the bundle
 * built and has neither the sources nor esbuild, so there the bundle is served as it is.
 */
import { existsSync } from 'node:fs';
import type { Logger } from '../logger';
import { buildWeb, bundlePresent, bundleUpToDate, loadEsbuild, WebBundleUnavailableError } from './build-web';
import { BUILD_DIR, WEB_SOURCE_DIR } from './web-paths';

/**
 * A bundle without sources beside it (the production image) is used as it is; with sources, it is
 * rebuilt when they changed. Throws WebBundleUnavailableError when there is no bundle and nothing to
 * build one with.
 */
export async function ensureWebBuilt(logger?: Pick<Logger, 'warn'>): Promise<void> {
  const present = bundlePresent();
  if (!existsSync(WEB_SOURCE_DIR)) {
    if (present) return;
    throw new WebBundleUnavailableError(
      `The web bundle is missing (${BUILD_DIR}) and there are no sources to build it: run \`npm run build:web\` before packaging.`,
    );
  }
  if (present && bundleUpToDate()) return;
  const esbuild = await loadEsbuild();
  if (!esbuild) {
    if (!present)
      throw new WebBundleUnavailableError(
        `The web bundle is missing (${BUILD_DIR}) and esbuild is not installed to build it: run \`npm run build:web\` where the dev dependencies are installed.`,
      );
    // Serving an older bundle beats refusing to start over the playground.
    logger?.warn(
      { buildDir: BUILD_DIR },
      'web sources changed but esbuild is not installed: serving the existing bundle',
    );
    return;
  }
  await buildWeb(esbuild);
}
