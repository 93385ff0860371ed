/*
 * Content types a message may declare. Text only: plain text (the default) and Markdown, which
 * clients render. A file's own type travels with the file behind file_url; structured payloads
 * (application/json cards …) are not supported until a client needs them, so they are refused
 * rather than stored unvalidated.
 */
export const CONTENT_TYPES = ['text/plain', 'text/markdown'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];
export const DEFAULT_CONTENT_TYPE: ContentType = 'text/plain';
