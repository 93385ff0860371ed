import { Tenant } from '../../domain/tenant/tenant';
import { UserId } from '../../domain/user/user-id';
import { Clock } from '../ports/clock.port';
import { ReadStateRepository } from '../ports/read-state-repository.port';
import { TenantDataReader } from '../ports/tenant-data-reader.port';
import { UserDirectory } from '../ports/user-directory.port';
import {
  ExportTally,
  membershipRecord,
  messageRecord,
  readStateRecord,
  receiptRecord,
  tenantRecord,
  userRecord,
} from './export-record-builders';
import { ExportRecord } from './export-records';

export interface ExportUserDataInput {
  tenant: Tenant;
  userId: string;
}

/**
 * One user's data as a stream of export records, read as the caller consumes them: the `tenant`
 * line; the `user` line (their profile, fields null when they never connected); per channel they
 * are in, a `membership` (the channel and their role; not the other participants, who are not
 * theirs) and their `read_state`; every `message` they sent, also in channels they left; their
 * read `receipt`s; then the `end` line with the counts.
 * @throws ValidationError for a user id that cannot be one (on the first record).
 */
export class ExportUserData {
  constructor(
    private readonly data: TenantDataReader,
    private readonly users: UserDirectory,
    private readonly readStates: ReadStateRepository,
    private readonly clock: Clock,
  ) {}

  async *execute(input: ExportUserDataInput): AsyncGenerator<ExportRecord> {
    const userId = UserId.parse(input.userId);
    const tally = new ExportTally();
    yield tenantRecord(input.tenant, this.clock.now());
    yield tally.count(userRecord(userId, await this.users.get(userId)));
    for await (const channel of this.data.channelsOf(userId)) {
      const participant = channel.participant(userId);
      if (!participant) continue; // left between the query and now
      yield tally.count(membershipRecord(channel, participant));
      const state = await this.readStates.find(userId, channel.id);
      if (state) yield tally.count(readStateRecord(channel, state));
    }
    for await (const message of this.data.messagesBy(userId)) yield tally.count(messageRecord(message));
    for await (const range of this.data.receiptsBy(userId)) yield tally.count(receiptRecord(range));
    yield tally.end();
  }
}
