import { z } from 'zod';

/**
 * The one registry of error codes (STYLE.md habit 8): code → HTTP status and the shape of its details.
 * The API renders them as JSON, the CLI as one readable line.
 */
export const ERRORS = {
  FILE_UNREADABLE: { status: 400, details: z.object({ file: z.string() }) },
  FILE_FORMAT_UNKNOWN: { status: 400, details: z.object({ file: z.string() }) },
  SOURCE_UNKNOWN: {
    status: 400,
    details: z.object({ file: z.string().optional(), source: z.string().optional() }),
  },
  HEADER_MISSING_COLUMNS: {
    status: 400,
    details: z.object({ file: z.string(), missing: z.array(z.string()) }),
  },
  NOTHING_LOADED: { status: 422, details: z.object({ file: z.string().optional() }) },
  CONFIG_INVALID: {
    status: 400,
    details: z.object({ file: z.string().optional(), issues: z.array(z.string()) }),
  },
  INVALID_ARGUMENT: { status: 400, details: z.object({ field: z.string() }) },
  /** A statistical model could not be fitted to the data (no convergence, an optimum at a boundary). */
  MODEL_FIT_FAILED: { status: 422, details: z.object({ model: z.string() }) },
  NOT_FOUND: { status: 404, details: z.object({ what: z.string(), id: z.string() }) },
  DATABASE_MISSING: { status: 404, details: z.object({ path: z.string() }) },
  DATABASE_UNREACHABLE: { status: 503, details: z.object({ database: z.string() }) },
  /** A program stratum runs is not installed (Chromium for PDF reports). */
  DEPENDENCY_MISSING: { status: 503, details: z.object({ dependency: z.string(), path: z.string() }) },
  EVENTS_INVALID: {
    status: 400,
    details: z.object({
      events: z.array(
        z.object({
          index: z.number(),
          id: z.string().nullable(),
          issues: z.array(z.object({ field: z.string(), reason: z.string() })),
        }),
      ),
    }),
  },
  STREAM_UNAVAILABLE: { status: 503, details: z.object({ published: z.number() }) },
  UNAUTHENTICATED: { status: 401, details: z.object({}) },
  FORBIDDEN: { status: 403, details: z.object({ permission: z.string() }) },
  CONFLICT: { status: 409, details: z.object({ what: z.string() }) },
  PAYLOAD_TOO_LARGE: { status: 413, details: z.object({ limitBytes: z.number() }) },
  RATE_LIMITED: { status: 429, details: z.object({ retryAfterSeconds: z.number() }) },
  INTERNAL: { status: 500, details: z.object({ requestId: z.string() }) },
} as const;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorDetails<C extends ErrorCode> = z.infer<(typeof ERRORS)[C]['details']>;

export class StratumError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details: ErrorDetails<C>,
  ) {
    super(message);
    this.name = 'StratumError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export const stratumError = <C extends ErrorCode>(code: C, message: string, details: ErrorDetails<C>) =>
  new StratumError(code, message, details);

/**
 * `schema.parse` for arguments of a use case: the first problem as INVALID_ARGUMENT naming the field
 * (`invalid <what> <key.path>: <message>`), never a ZodError stack trace.
 */
export function parseArgument<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || what;
  throw stratumError('INVALID_ARGUMENT', `invalid ${what} ${field}: ${issue?.message ?? ''}`, { field });
}
