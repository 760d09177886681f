/**
 * `npm run key:create -- <name> <reader|editor|admin> [--adhoc]`: prints a new API key once, and the
 * hashed entry to store. `--adhoc` lets the key run operations outside the trusted-documents manifest
 * when TRUSTED_DOCUMENTS=required (admin keys always may).
 */
import { AD_HOC_FLAG, createKey, ROLES, type Role } from '../src/auth/api-keys';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const adHoc = args.includes(`--${AD_HOC_FLAG}`);
const [name, role, ...extra] = args.filter((arg) => arg !== `--${AD_HOC_FLAG}`);
if (!name || !/^[\w.-]+$/.test(name) || !ROLES.includes(role as Role) || extra.length > 0) {
  process.stderr.write(`usage: npm run key:create -- <name> <${ROLES.join('|')}> [--${AD_HOC_FLAG}]\n`);
  process.exit(2);
}
const { key, entry } = createKey(name, role as Role, adHoc);
process.stdout.write(
  `key (give it to the client; it is not stored): ${key}\nentry (add to API_KEYS or the keys file): ${entry}\n`,
);
