import { ValidationError } from '../../domain/shared/domain-error';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

/** A page size: an integer 1-100, 50 when absent. Numeric strings (query parameters) are accepted. */
export function parseLimit(raw: unknown, field = 'limit'): number {
  if (raw === undefined || raw === null) return DEFAULT_LIMIT;
  const value = toInteger(raw);
  if (value === null || value < 1 || value > MAX_LIMIT) {
    throw new ValidationError(`${field} must be an integer from 1 to ${MAX_LIMIT}`, { field });
  }
  return value;
}

/** A message id: a positive integer. Numeric strings (path and query parameters) are accepted. */
export function parseMessageId(raw: unknown, field = 'message_id'): number {
  const value = toInteger(raw);
  if (value === null || value < 1)
    throw new ValidationError(`${field} must be a positive integer`, { field });
  return value;
}

export function optionalMessageId(raw: unknown, field: string): number | null {
  return raw === undefined || raw === null ? null : parseMessageId(raw, field);
}

export function optionalBoolean(raw: unknown, field: string, fallback: boolean): boolean {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ValidationError(`${field} must be a boolean`, { field });
}

function toInteger(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? raw : null;
  if (typeof raw === 'string' && /^\d{1,15}$/.test(raw)) return Number(raw);
  return null;
}
