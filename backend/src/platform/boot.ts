import { EnvironmentError, loadEnvironment } from './config/environment';
import { JsonLogger } from './logging/json-logger';

/**
 * Validates the environment before anything starts, then boots the process; any failure is
 * logged as JSON and ends the process with exit code 1.
 */
export async function bootOrExit(service: 'api' | 'worker', boot: (logger: JsonLogger) => Promise<void>): Promise<void> {
  let logger = new JsonLogger('info', `beacon-${service}`);
  try {
    const env = loadEnvironment();
    logger = new JsonLogger(env.LOG_LEVEL, `beacon-${service}`);
    await boot(logger);
  } catch (error) {
    if (error instanceof EnvironmentError) {
      logger.event('error', 'boot.invalid-environment', { problems: error.problems });
      process.stderr.write(`${error.message}\n`);
    } else {
      logger.event('error', 'boot.failed', { error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) });
    }
    process.exit(1);
  }
}
