/**
 * Bundles the playground, the explorer and the review page with esbuild into public/build, stamped
 * with a hash of what went in (src/web, the project files outside it that the bundle imports, such
 * as src/extract/draft-review.ts, and the locked package versions) so the bundle is rebuilt only
 * when that changes. Everything the pages need is in the bundle, so they work with no internet access.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromProjectRoot, PROJECT_ROOT } from '../project-root';
import { BUILD_DIR, WEB_SOURCE_DIR } from './web-paths';

const STAMP = path.join(BUILD_DIR, '.stamp');
/** What the pages load; the bundle counts as present when all of them are. */
const BUNDLE_FILES = [
  'playground.js',
  'playground.css',
  'explorer.js',
  'explorer.css',
  'explorer-export.js',
  'review.js',
  'review.css',
];

export type Esbuild = typeof import('esbuild');

/** The pages can't be served: no bundle, and no way to build one here. Its message is one line. */
export class WebBundleUnavailableError extends Error {
  override name = 'WebBundleUnavailableError';
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** A hash of src/web, of the project files outside it that the bundle reads, and of the lock file. */
function sourceHash(sharedInputs: readonly string[]): string {
  const hash = createHash('sha256');
  const inputs = [...files(WEB_SOURCE_DIR), ...sharedInputs.map((file) => path.join(PROJECT_ROOT, file))];
  for (const file of [...new Set(inputs)].sort()) {
    hash.update(path.relative(PROJECT_ROOT, file));
    // A shared file since deleted changes the hash too, so the next start rebuilds.
    hash.update(existsSync(file) ? readFileSync(file) : '(missing)');
  }
  const lock = fromProjectRoot('package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

/**
 * The stamp: the hash, then the project files outside src/web the last build read, one a line.
 * Those come from esbuild's own account of its inputs, so no list of shared files can drift.
 */
function stampText(sharedInputs: readonly string[]): string {
  return [sourceHash(sharedInputs), ...sharedInputs].join('\n');
}

export function bundlePresent(): boolean {
  return BUNDLE_FILES.every((file) => existsSync(path.join(BUILD_DIR, file)));
}

export function bundleUpToDate(): boolean {
  if (!existsSync(STAMP)) return false;
  const stamp = readFileSync(STAMP, 'utf8');
  return stamp === stampText(stamp.split('\n').slice(1));
}

/** esbuild is a build tool, loaded only when a build is needed: it is absent from production images. */
export async function loadEsbuild(): Promise<Esbuild | undefined> {
  try {
    return await import('esbuild');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

export async function buildWeb(esbuild?: Esbuild): Promise<void> {
  esbuild ??= await loadEsbuild();
  if (!esbuild)
    throw new WebBundleUnavailableError(
      'esbuild is not installed: install the dev dependencies (npm install) to build the web bundle.',
    );
  mkdirSync(BUILD_DIR, { recursive: true });
  const result = await esbuild.build({
    entryPoints: {
      playground: path.join(WEB_SOURCE_DIR, 'playground', 'main.tsx'),
      explorer: path.join(WEB_SOURCE_DIR, 'explorer', 'main.ts'),
      // Loaded by the explorer on its first export only: GraphML's XML builder outweighs the rest.
      'explorer-export': path.join(WEB_SOURCE_DIR, 'explorer', 'export-bundle.ts'),
      review: path.join(WEB_SOURCE_DIR, 'review', 'main.ts'),
    },
    absWorkingDir: PROJECT_ROOT,
    metafile: true,
    outdir: BUILD_DIR,
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    target: ['es2020'],
    jsx: 'automatic',
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  // esbuild names its inputs relative to absWorkingDir, with forward slashes. Packages are left
  // out (the lock file stands for them), wherever node_modules resolves to (a symlink, a workspace).
  const webSources = path.relative(PROJECT_ROOT, WEB_SOURCE_DIR).split(path.sep).join('/') + '/';
  const sharedInputs = Object.keys(result.metafile.inputs)
    .filter(
      (input) =>
        !input.split('/').includes('node_modules') &&
        !input.startsWith('../') &&
        !input.startsWith(webSources),
    )
    .map((input) => input.split('/').join(path.sep))
    .sort();
  writeFileSync(STAMP, stampText(sharedInputs));
}
