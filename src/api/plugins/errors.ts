import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { ERRORS, StratumError, type ErrorCode } from '../../contracts/errors.js';

/** The body of every error response: a registry code, a readable message naming the field, details. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details: unknown };
}

const send = (reply: FastifyReply, code: ErrorCode, message: string, details: unknown) =>
  reply.status(ERRORS[code].status).send({ error: { code, message, details } } satisfies ErrorBody);

/** `body.ids`, `querystring.limit`: where the bad value was, as the client wrote it. */
function fieldOf(context: string | undefined, path: string): string {
  const inner = path.replace(/^\//, '').replaceAll('/', '.');
  return [context, inner].filter(Boolean).join('.');
}

/**
 * One error handler (STYLE.md habit 8): registry errors with their status, validation errors as
 * INVALID_ARGUMENT naming the field, Fastify's own 4xx mapped to the registry, anything else a 500 without
 * internals (the stack goes to the log, never to the client).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | StratumError | ZodError, request: FastifyRequest, reply) => {
    if (error instanceof StratumError) return send(reply, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = fieldOf(error.validationContext, first?.instancePath ?? '');
      return send(reply, 'INVALID_ARGUMENT', `${field}: ${first?.message ?? 'invalid'}`, { field });
    }
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      const field = issue?.path.join('.') ?? '';
      return send(reply, 'INVALID_ARGUMENT', `${field}: ${issue?.message ?? 'invalid'}`, { field });
    }
    const status = 'statusCode' in error ? (error.statusCode ?? 500) : 500;
    if (status === 413)
      return send(reply, 'PAYLOAD_TOO_LARGE', 'request body too large', {
        limitBytes: app.initialConfig.bodyLimit ?? 0,
      });
    if (status === 429)
      return send(reply, 'RATE_LIMITED', 'too many requests, retry later', {
        retryAfterSeconds: Number(reply.getHeader('retry-after') ?? 60),
      });
    if (status === 404) return send(reply, 'NOT_FOUND', 'not found', { what: 'route', id: request.url });
    if (status >= 400 && status < 500) return send(reply, 'INVALID_ARGUMENT', error.message, { field: '' });
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 'INTERNAL', 'internal error', { requestId: String(request.id) });
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, 'NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`, {
      what: 'route',
      id: request.url.split('?')[0] ?? '',
    }),
  );
}
