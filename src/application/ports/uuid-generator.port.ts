/** Channel ids. */
export interface UuidGenerator {
  /** A fresh random UUID v4. */
  next(): string;
}
