/**
 * Bundles the playground and the explorer with esbuild into public/build, stamped with a hash of
 * what went in (src/web and the locked package versions) so the bundle is rebuilt only when that
 * changes. Everything the pages need is in the bundle, so they work with no internet access.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromProjectRoot, PROJECT_ROOT } from '../project-root';
import { BUILD_DIR, WEB_SOURCE_DIR } from './web-paths';

const STAMP = path.join(BUILD_DIR, '.stamp');
/** What the pages load; the bundle counts as present when all of them are. */
const BUNDLE_FILES = ['playground.js', 'playground.css', 'explorer.js', 'explorer.css'];

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

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of files(WEB_SOURCE_DIR).sort())
    hash.update(path.relative(PROJECT_ROOT, file)).update(readFileSync(file));
  const lock = fromProjectRoot('package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

export function bundlePresent(): boolean {
  return BUNDLE_FILES.every((file) => existsSync(path.join(BUILD_DIR, file)));
}

export function bundleUpToDate(): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash();
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
  await esbuild.build({
    entryPoints: {
      playground: path.join(WEB_SOURCE_DIR, 'playground', 'main.tsx'),
      explorer: path.join(WEB_SOURCE_DIR, 'explorer', 'main.ts'),
    },
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
  writeFileSync(STAMP, sourceHash());
}
