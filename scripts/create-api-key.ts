/** `npm run key:create -- <name> <reader|editor|admin>`: prints a new API key once, and the hashed entry to store. */
import { createKey, ROLES, type Role } from '../src/auth/api-keys';

const [name, role] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!name || !/^[\w.-]+$/.test(name) || !ROLES.includes(role as Role)) {
  process.stderr.write(`usage: npm run key:create -- <name> <${ROLES.join('|')}>\n`);
  process.exit(2);
}
const { key, entry } = createKey(name, role as Role);
process.stdout.write(
  `key (give it to the client; it is not stored): ${key}\nentry (add to API_KEYS or the keys file): ${entry}\n`,
);
