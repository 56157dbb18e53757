import type { FastifyError, FastifyInstance } from 'fastify';
import { MongoNetworkError, MongoServerSelectionError } from 'mongodb';
import { errorMessages } from '../../shared/errors';
import { CodedError, errorBodyOf } from '../coded-error';
import { safeUrl } from '../security/log-redaction';

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | CodedError | Error, request, reply) => {
    if (error instanceof CodedError) return reply.status(error.statusCode).send(errorBodyOf(error));
    const cause = (error as FastifyError).validation ? undefined : (error as { cause?: unknown }).cause;
    if (cause instanceof CodedError) return reply.status(cause.statusCode).send(errorBodyOf(cause));
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 429) return reply.status(429).send({ code: 'rate_limited', message: errorMessages.rate_limited });
    if (status === 413) return reply.status(413).send({ code: 'frame_too_large', message: 'The request body is too large.' });
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: 'invalid_request', message: error.message });
    }
    if (error instanceof MongoServerSelectionError || error instanceof MongoNetworkError) {
      request.log.error({ err: error }, 'database unavailable');
      return reply.status(503).send({ code: 'db_unavailable', message: errorMessages.db_unavailable });
    }
    request.log.error({ err: error, url: safeUrl(request.url) }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: errorMessages.internal });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'not_found', message: `Nothing at ${request.method} ${request.url.split('?')[0]}.` });
  });
}
