/**
 * docker-compose.yml can't be run here (no Docker engine), so it is validated as a file: the
 * services, images, ports, healthchecks and start order users with Docker rely on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

type Service = {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
};

const ROOT = path.join(__dirname, '..');
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  it('runs the official Neo4j 5.26 Community image with a password, a volume and a healthcheck', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.environment?.NEO4J_AUTH).toMatch(/^neo4j\/.+/);
    expect(neo4j.ports).toContain('7687:7687');
    expect(neo4j.volumes?.some((volume) => volume.endsWith(':/data'))).toBe(true);
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j.healthcheck?.test).toBeDefined();
  });

  it('builds the API and starts it only once Neo4j is healthy', () => {
    const api = compose.services.api;
    expect(api.build).toBe('.');
    expect(api.ports).toContain('4000:4000');
    expect(api.depends_on?.neo4j.condition).toBe('service_healthy');
    expect(api.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(api.healthcheck?.test).toBeDefined();
  });

  it('has a multi-stage Dockerfile that runs as a non-root user', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('bundles the web pages in the build stage and ships the bundle and runtime files, not sources', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const [build, runtime] = dockerfile.split(/^FROM .* AS runtime$/m);
    // The runtime image has no esbuild (dev dependency) and no src/web: the bundle must come built.
    expect(build).toMatch(/^RUN .*npm run build:web/m);
    expect(build).toMatch(/npm run build:web.*npm prune --omit=dev/);
    const copied = [...runtime.matchAll(/^COPY --from=build \S* ?\/app\/(\S+) /gm)].map((match) => match[1]);
    expect(copied).toEqual(
      expect.arrayContaining(['package.json', 'node_modules', 'dist', 'public', 'schema/examples', 'seed']),
    );
    expect(copied).not.toContain('src');
    // tsc mirrors the tree under dist/ (rootDir "."), so the entry point is dist/src/main.js.
    expect(runtime).toMatch(/^CMD \["node", "dist\/src\/main\.js"\]$/m);
  });

  it('compiles only the server into dist, not the scripts, benchmark or synthetic data they use', () => {
    const build = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
      include: string[];
    };
    expect(build.include).toEqual(['src']);
    // tsc compiles whatever src imports, wherever it lives: nothing in src may reach into those.
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? sources(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
      );
    const reaching = sources(path.join(ROOT, 'src')).filter((file) =>
      /from '(\.\.\/)+(scripts|bench|tests)\//.test(readFileSync(file, 'utf8')),
    );
    expect(reaching).toEqual([]);
  });
});
