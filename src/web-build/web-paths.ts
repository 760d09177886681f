/**
 * Where the web pages' sources are, and where their bundle is built and served from. The server
 * reads only the bundle; the sources exist only where the pages can be (re)built.
 */
import path from 'node:path';
import { fromProjectRoot } from '../project-root';

export const WEB_SOURCE_DIR = fromProjectRoot('src', 'web');
export const PUBLIC_DIR = fromProjectRoot('public');
export const BUILD_DIR = path.join(PUBLIC_DIR, 'build');
