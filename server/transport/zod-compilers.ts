import type { FastifyInstance } from 'fastify';
import type { z } from 'zod/mini';
import { CodedError } from '../coded-error';

type AnySchema = z.ZodMiniType;

/** Routes declare shared zod schemas directly; validation errors keep the schema's paths. */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => (data: unknown) => {
    const result = (schema as AnySchema).safeParse(data);
    if (result.success) return { value: result.data };
    const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    return { error: new CodedError('invalid_request', `Invalid ${httpPart ?? 'input'}: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`, issues) };
  });
  // Responses are built from the same shared types; serialise them as they are.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}
