import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (fallback: number, max: number) =>
  z.coerce
    .number({ message: 'expected a whole number' })
    .int({ message: 'expected a whole number' })
    .min(1, { message: 'expected a number of at least 1' })
    .max(max, { message: `expected a number of at most ${max}` })
    .default(fallback);

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
    message: 'expected a URL like postgres://user:password@host:5432/database',
  });

/**
 * Every setting Liaison reads from the environment. Each key is documented in .env.example;
 * an empty value counts as unset.
 */
export const configSchema = z.object({
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('warn'),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default('.liaison/pgdata'),
  DB_POOL_SIZE: positiveInt(10, 100),
  CONSOLE_ENABLED: bool(true),
  CONSOLE_USER: z.string().min(1).max(64).optional(),
  MAX_MESSAGE_CHARS: positiveInt(8_000, 1_000_000),
});

export type Config = z.infer<typeof configSchema>;
