import { z } from 'zod';
import { EdgeError } from './edge-error';

/**
 * Parses input with a strict zod schema, or throws 400 `validation_error` naming each bad field.
 * Strict objects reject unknown keys, so `$` operators and prototype keys never reach a use case.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldsOf(result.error, where);
  throw new EdgeError(
    400,
    'validation_error',
    `invalid ${where}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
    {
      fields,
    },
  );
}

/** `details.fields` of a validation error, REST and socket acks alike: `[{field: 'participants.1.role', message}]`. */
export function fieldsOf(error: z.ZodError, where: string): Array<{ field: string; message: string }> {
  return error.issues.flatMap(closestAlternative).map((issue) => ({
    field: [...issue.path, ...unknownKeys(issue)].join('.') || where,
    message: issue.message,
  }));
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  return parseWith(schema, body ?? {}, 'body');
}

/**
 * A value that fits no alternative of a union (one user or a list of them) is reported with the
 * issues of the alternative it came closest to (the fewest issues), so the client still learns
 * which field is wrong instead of "invalid input".
 */
function closestAlternative(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const closest = issue.errors.reduce((best, issues) => (issues.length < best.length ? issues : best));
  return closest.flatMap((inner) => closestAlternative({ ...inner, path: [...issue.path, ...inner.path] }));
}

function unknownKeys(issue: z.core.$ZodIssue): string[] {
  return issue.code === 'unrecognized_keys' && issue.keys.length ? [issue.keys.join(',')] : [];
}
