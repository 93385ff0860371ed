/** A page size when the request gives none; the edge keeps every page size within 1-100. */
export const DEFAULT_LIMIT = 50;
