import { UserBlocks } from '../ports/user-blocks.port';
import { BlockView, toBlockView } from '../views/moderation.view';

/** The caller's blocks, newest first: what their client filters live events with. */
export class ListBlocks {
  constructor(private readonly blocks: UserBlocks) {}

  async execute(input: { userId: string }): Promise<{ results: BlockView[] }> {
    return { results: (await this.blocks.list(input.userId)).map(toBlockView) };
  }
}
