/**
 * An error raised by an edge itself (authentication, input decoding and validation, rate limits),
 * with the contract's code and the status that code carries. REST answers it as an error body with
 * its headers; a socket acks its code, message and details.
 */
export class EdgeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'EdgeError';
  }
}

/** The contract's error object: socket acks and connect errors carry it as is, REST bodies wrap it. */
export interface ErrorObject {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A REST error body: `{"error": {code, message, details?}}`. */
export interface ErrorBody {
  error: ErrorObject;
}

export function errorObject(code: string, message: string, details?: Record<string, unknown>): ErrorObject {
  return details ? { code, message, details } : { code, message };
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: errorObject(code, message, details) };
}
