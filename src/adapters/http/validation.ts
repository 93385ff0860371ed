import { z } from 'zod';
import { HttpError } from './http-error';

/**
 * Parses input with a strict zod schema, or throws 400 `validation_error` naming each bad field.
 * Strict objects reject unknown keys, so `$` operators and prototype keys never reach a use case.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: [...issue.path, ...unknownKeys(issue)].join('.') || where,
    message: issue.message,
  }));
  throw new HttpError(
    400,
    'validation_error',
    `invalid ${where}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
    {
      fields,
    },
  );
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  return parseWith(schema, body ?? {}, 'body');
}

function unknownKeys(issue: z.core.$ZodIssue): string[] {
  return issue.code === 'unrecognized_keys' && issue.keys.length ? [issue.keys.join(',')] : [];
}
