/**
 * Checks for what the local Neo4j needs on this machine (Java to run it, Maven to build it), so a
 * missing tool is one line saying what to install instead of a failed spawn.
 */
import { spawnSync } from 'node:child_process';

/** Java or Maven is missing or too old; the message is one line that says what to install. */
export class LocalNeo4jPrerequisiteError extends Error {
  override name = 'LocalNeo4jPrerequisiteError';
}

function javaMajorVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** Java runs the local Neo4j, so every start needs it. */
export function checkJava(): void {
  const java = javaMajorVersion();
  if (java === undefined || java < 17) {
    throw new LocalNeo4jPrerequisiteError(
      `Java 17+ is required to run the local Neo4j${java ? ` (found Java ${java})` : ''}: install OpenJDK 17 (apt-get install openjdk-17-jdk-headless) or set NEO4J_URI to an existing Neo4j.`,
    );
  }
}

/** Maven only builds the module: a start with an up-to-date cached build doesn't need it. */
export function checkMaven(): void {
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new LocalNeo4jPrerequisiteError(
      'Maven is required to build the local Neo4j (no up-to-date build in neo4j-local/target): install it (apt-get install maven) or set NEO4J_URI to an existing Neo4j.',
    );
  }
}
