import type { ContextStore } from '../answer/context.js';
import type { Answerer } from '../answer/types.js';
import { loadConfig, type Config, type Env } from '../config.js';
import type { AnswererLoader } from './corpusLoader.js';
import { configSecrets, createLogger } from './logger.js';
import { buildServer } from './server.js';

/**
 * `planbot serve`: check the environment, listen, load the corpus, register webhooks when
 * PUBLIC_URL is set, then run until SIGTERM/SIGINT. SIGHUP reloads the corpus, swapping it in
 * only when the new one loads and the loader accepts it. Rejects on bad configuration
 * (ConfigError, with every problem listed) or when the first corpus load fails; resolves once
 * stopped by a signal.
 */
export async function runServe(loaderFor: (config: Config, contexts: ContextStore) => AnswererLoader, env: Env = process.env): Promise<void> {
  const config = loadConfig(env);
  const logger = createLogger({ level: config.logLevel, secrets: configSecrets(config) });
  let answerer: Answerer | undefined;
  const server = await buildServer({ config, getAnswerer: () => answerer, logger });
  const loadAnswerer = loaderFor(config, server.stores.contexts);

  const address = await server.start();
  logger.info({ address }, 'listening');
  try {
    answerer = await loadAnswerer(logger);
  } catch (error) {
    logger.fatal({ err: error }, 'corpus failed to load');
    await server.stop();
    throw error;
  }
  logger.info({ plans: answerer.plans().length }, 'corpus loaded');
  await server.resumeOutbox();
  if (config.publicUrl) await server.registerWebhooks(config.publicUrl);

  let reloading = false;
  const reload = async (): Promise<void> => {
    if (reloading) return logger.warn('SIGHUP ignored: a reload is already running');
    reloading = true;
    try {
      const next = await loadAnswerer(logger);
      answerer = next;
      logger.info({ plans: next.plans().length }, 'corpus reloaded');
    } catch (error) {
      logger.error({ err: error }, 'corpus reload failed; keeping the previous corpus');
    } finally {
      reloading = false;
    }
  };

  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        logger.warn({ signal }, 'second signal while stopping: exiting now');
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, 'stopping: finishing replies in flight');
      server
        .stop()
        .catch((error: unknown) => logger.error({ err: error }, 'error while stopping'))
        .finally(() => {
          process.off('SIGTERM', stop).off('SIGINT', stop).off('SIGHUP', onHup);
          resolve();
        });
    };
    const onHup = (): void => void reload();
    process.on('SIGTERM', stop).on('SIGINT', stop).on('SIGHUP', onHup);
  });
  logger.info('stopped');
  // Everything we opened is closed; this only guards against a stray handle keeping `serve` alive.
  setTimeout(() => process.exit(0), 1_000).unref();
}
