/** Builds bad documents from the seed for rejection tests: a deep copy with one thing changed. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEED_DIR } from './start-api';

export const SEED_FILE = path.join(SEED_DIR, '2025-04-11-qatar-tribune-coalition-of-the-willing.json');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function seedDocument(): Json {
  return JSON.parse(readFileSync(SEED_FILE, 'utf8'));
}

/** Writes `content` (an object, or raw text) to a fresh temporary folder and returns the file path. */
export function writeDocument(name: string, content: Json | string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'doc-'));
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
