/** Bootstrap only: config -> API (driver, schema, server) -> signal handling. */
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { startApi } from './api';
import { createLogger } from './logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let api;
  try {
    api = await startApi(config, logger);
  } catch (error) {
    // Startup faults the operator can fix (missing Java, port in use) are one line, not a stack.
    process.stderr.write(`Could not start: ${(error as Error).message.split('\n')[0]}\n`);
    process.exit(1);
  }

  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown grace period exceeded; exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    api.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: (error as Error).message }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
