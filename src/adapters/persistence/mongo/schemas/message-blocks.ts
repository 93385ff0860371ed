/*
 * Messages are grouped in blocks of 100 consecutive seqs (block = floor(seq / 100)), stored on each
 * message and on each read-receipt range. FerretDB v1 pushes only equality filters to its storage,
 * so "the messages of a seq window" is asked as one `{channel_id, block}` equality per block the
 * window touches (at most two for a page of up to 100), never as a range over the whole channel.
 */
export const BLOCK_SIZE = 100;

export function blockOf(seq: number): number {
  return Math.floor(seq / BLOCK_SIZE);
}

/** The blocks holding the seqs from `fromSeq` to `toSeq`, both inclusive (none when from > to). */
export function blocksBetween(fromSeq: number, toSeq: number): number[] {
  const blocks: number[] = [];
  for (let block = blockOf(fromSeq); fromSeq <= toSeq && block <= blockOf(toSeq); block += 1)
    blocks.push(block);
  return blocks;
}
