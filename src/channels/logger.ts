import pino, { type Logger } from 'pino';
import type { Config } from '../config.js';

/** Header names that carry credentials, in requests we receive or send. */
const SECRET_HEADERS = ['x-telegram-bot-api-secret-token', 'x-bot-api-secret-token', 'x-zevent-signature', 'access_token', 'authorization'];

/** Every credential in the configuration, so they can be scrubbed from error text. */
export function configSecrets(config: Config): string[] {
  return [
    config.telegram?.token,
    config.telegram?.webhookSecret,
    config.zaloBot?.token,
    config.zaloBot?.webhookSecret,
    config.zaloOa?.secretKey,
    config.zaloOa?.accessToken,
    config.redisUrl === null ? undefined : new URL(config.redisUrl).password,
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
}

/**
 * pino logger that redacts credential headers and scrubs known secrets out of errors
 * (URLs like /bot<token>/sendMessage end up in error messages). Errors keep only
 * type, message, stack and code: request payloads (citizens' text) are not logged.
 */
export function createLogger(options: { level: string; secrets: string[] }, destination?: pino.DestinationStream): Logger {
  const scrub = (text: string): string => options.secrets.reduce((acc, secret) => acc.split(secret).join('[redacted]'), text);
  const paths = SECRET_HEADERS.flatMap((h) => [`req.headers["${h}"]`, `headers["${h}"]`]);
  return pino(
    {
      level: options.level,
      redact: { paths, censor: '[redacted]' },
      serializers: {
        err: (error: unknown) => {
          if (!(error instanceof Error)) return { message: scrub(String(error)) };
          const code = (error as { code?: unknown }).code;
          return {
            type: error.name,
            message: scrub(error.message),
            stack: error.stack === undefined ? undefined : scrub(error.stack),
            ...(code === undefined ? {} : { code }),
          };
        },
      },
    },
    destination,
  );
}
