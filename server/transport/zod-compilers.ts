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
    return {
      error: new CodedError(
        'invalid_request',
        `Invalid ${httpPart ?? 'input'}: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`,
        issues,
      ),
    };
  });
  // A response that drifts from its shared schema is a server bug: fail loudly (500, logged) rather
  // than send a body the inbox cannot read. Parsing also drops fields the contract does not name.
  app.setSerializerCompiler(({ schema, method, url }) => (data) => {
    const result = (schema as AnySchema).safeParse(data);
    if (result.success) return JSON.stringify(result.data);
    const problems = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'} ${i.message}`).join('; ');
    throw new Error(`The response of ${method} ${url} does not match its declared schema: ${problems}`);
  });
}
