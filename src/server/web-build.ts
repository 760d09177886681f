/**
 * Bundles the playground and the explorer with esbuild into public/build, once: the bundle is
 * rebuilt only when src/web or the locked package versions change. Everything the pages need is in
 * the bundle, so they work with no internet access.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
export const WEB_SOURCE_DIR = path.join(ROOT, 'src', 'web');
export const PUBLIC_DIR = path.join(ROOT, 'public');
export const BUILD_DIR = path.join(PUBLIC_DIR, 'build');
const STAMP = path.join(BUILD_DIR, '.stamp');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of files(WEB_SOURCE_DIR).sort())
    hash.update(path.relative(ROOT, file)).update(readFileSync(file));
  const lock = path.join(ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

export async function buildWeb(): Promise<void> {
  // esbuild is a build tool: loaded only when a build is needed (it is absent from production images).
  const esbuild = await import('esbuild');
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

/** Builds the pages unless the bundle on disk matches the sources (or a prebuilt image has no sources). */
export async function ensureWebBuilt(): Promise<void> {
  if (!existsSync(WEB_SOURCE_DIR)) return;
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash()) return;
  await buildWeb();
}
