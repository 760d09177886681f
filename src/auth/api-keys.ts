/**
 * API keys: each has a name and a role (reader, editor, admin) and is stored only as its SHA-256
 * hash (keys are long random strings, so a fast hash is enough; there is nothing to brute-force).
 * Keys come from API_KEYS (`name:role:sha256hex`, comma-separated) and/or a keys file with one
 * such entry per line. `npm run key:create` makes a new key and prints the entry to store.
 * An entry may end in `:adhoc` (`name:role:sha256hex:adhoc`): the key may run ad-hoc operations
 * when TRUSTED_DOCUMENTS=required (docs/typed-clients.md); admin keys always may.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The optional last field of an entry that grants ad-hoc operations under trusted documents. */
export const AD_HOC_FLAG = 'adhoc';

export interface ApiKeyEntry {
  name: string;
  role: Role;
  hash: Buffer;
  /** May run operations that are not in the trusted-documents manifest. */
  adHoc: boolean;
}

/** Whether a key may run ad-hoc operations: admins always, other roles when their entry says so. */
export function grantsAdHoc(role: Role, flagged: boolean): boolean {
  return role === 'admin' || flagged;
}

export function hashKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** A new random key (shown once) and the entry that stores its hash. */
export function createKey(name: string, role: Role, adHoc = false): { key: string; entry: string } {
  const key = `dgk_${randomBytes(24).toString('base64url')}`;
  const flag = adHoc ? `:${AD_HOC_FLAG}` : '';
  return { key, entry: `${name}:${role}:${hashKey(key).toString('hex')}${flag}` };
}

export function parseKeyEntries(text: string, where: string): ApiKeyEntry[] {
  return text
    .split(/[,\n]/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const [name, role, hex, flag, ...rest] = line.split(':');
      if (
        !name ||
        !ROLES.includes(role as Role) ||
        !/^[0-9a-f]{64}$/.test(hex ?? '') ||
        (flag !== undefined && flag !== AD_HOC_FLAG) ||
        rest.length > 0
      ) {
        throw new Error(
          `${where}: each key entry must be name:role:sha256hex, optionally followed by :${AD_HOC_FLAG}, with role one of ${ROLES.join(', ')} (got "${line.slice(0, 40)}…")`,
        );
      }
      return { name, role: role as Role, hash: Buffer.from(hex, 'hex'), adHoc: flag === AD_HOC_FLAG };
    });
}

export function loadKeyEntries(options: { keys?: string; file?: string }): ApiKeyEntry[] {
  const entries: ApiKeyEntry[] = [];
  if (options.keys) entries.push(...parseKeyEntries(options.keys, 'API_KEYS'));
  if (options.file) entries.push(...parseKeyEntries(readFileSync(options.file, 'utf8'), options.file));
  return entries;
}

/** The entry a presented key belongs to, compared in constant time. */
export function findKey(entries: readonly ApiKeyEntry[], key: string): ApiKeyEntry | undefined {
  const hash = hashKey(key);
  let found: ApiKeyEntry | undefined;
  for (const entry of entries) {
    if (timingSafeEqual(entry.hash, hash)) found = entry;
  }
  return found;
}

export function roleAllows(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}
