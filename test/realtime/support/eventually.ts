/**
 * Polls `read` until `accept` holds (bounded): for server state no event announces, such as a
 * counter that must come down to 1 while nothing is broadcast.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
): Promise<T> {
  let value = await read();
  for (let i = 0; i < 200 && !accept(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  if (!accept(value)) throw new Error(`${what}: still ${JSON.stringify(value)} after 5 s`);
  return value;
}
