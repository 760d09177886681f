/** A bad environment value stops startup with one line naming the variable and what it accepts. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

const ROOT = path.join(__dirname, '..', '..');

describe('configuration', () => {
  it('uses documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4jUri).toBeUndefined();
    expect(config.neo4jDatabase).toBe('neo4j');
  });

  it.each([
    ['PORT', 'abc', /PORT="abc" must be a whole number from 1 to 65535/],
    ['PORT', '70000', /PORT="70000" must be a whole number/],
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI=.* must be a Neo4j URI/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud" must be one of: fatal, error/],
    ['LOCAL_NEO4J_HEAP_MB', '-5', /LOCAL_NEO4J_HEAP_MB="-5" must be a positive whole number/],
    ['SEED_ON_EMPTY', 'yes', /SEED_ON_EMPTY="yes" must be one of: true, false, 1, 0/],
    ['CORS_ORIGINS', 'example.org', /CORS_ORIGINS="example.org" must be \* or a comma-separated list/],
    ['NEO4J_DATABASE', 'a b', /NEO4J_DATABASE="a b" must be a Neo4j database name/],
    ['BOOKMARK_SECRET', 'short', /BOOKMARK_SECRET="short" must be at least 32 characters/],
    ['MAX_COST', '1.5', /MAX_COST="1.5" must be a positive whole number/],
  ])('rejects %s=%s naming the variable, in one line', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(message);
    expect(() => loadConfig({ [variable]: value })).toThrow(/^Invalid configuration: [^\n]+$/);
  });

  it('takes an empty value as unset, so `PORT= npm start` means the default', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '' })).toMatchObject({ port: 4000, neo4jUri: undefined });
  });

  it.each(['bolt://db:7687', 'neo4j://db:7687', 'neo4j+s://abc.databases.neo4j.io'])(
    'accepts NEO4J_URI %s',
    (uri) => {
      expect(loadConfig({ NEO4J_URI: uri }).neo4jUri).toBe(uri);
    },
  );

  it('stops `npm start` with exit code 2 and a one-line message', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, PORT: 'not-a-port', NEO4J_URI: 'bolt://127.0.0.1:1' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      'Invalid configuration: PORT="not-a-port" must be a whole number from 1 to 65535 (the HTTP port)',
    );
  });
});
