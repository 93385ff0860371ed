import { Tenant } from '../../domain/tenant/tenant';
import { Clock } from '../ports/clock.port';
import { TenantDataReader } from '../ports/tenant-data-reader.port';
import {
  channelRecord,
  ExportTally,
  messageRecord,
  participantRecord,
  readStateRecord,
  receiptRecord,
  tenantRecord,
  userRecord,
} from './export-record-builders';
import { ExportRecord } from './export-records';

export interface ExportTenantDataInput {
  tenant: Tenant;
}

/**
 * A tenant's data as a stream of export records, read as the caller consumes them (so in bounded
 * memory, and no further once they stop): the `tenant` line; per channel its `channel` line, its
 * `participant`s, its `message`s in seq order (tombstones included), its `read_state`s and its
 * `receipt`s; then every stored profile as a `user`; last the `end` line with the counts, which only
 * a complete export has. Reading errors reject the iteration where they happen.
 */
export class ExportTenantData {
  constructor(
    private readonly data: TenantDataReader,
    private readonly clock: Clock,
  ) {}

  async *execute(input: ExportTenantDataInput): AsyncGenerator<ExportRecord> {
    const tally = new ExportTally();
    yield tenantRecord(input.tenant, this.clock.now());
    for await (const channel of this.data.channels()) {
      yield tally.count(channelRecord(channel));
      for (const participant of channel.participants)
        yield tally.count(participantRecord(channel, participant));
      for await (const message of this.data.messagesOf(channel)) yield tally.count(messageRecord(message));
      for await (const state of this.data.readStatesOf(channel.id))
        yield tally.count(readStateRecord(channel, state));
      for await (const range of this.data.receiptsOf(channel.id)) yield tally.count(receiptRecord(range));
    }
    for await (const profile of this.data.profiles()) yield tally.count(userRecord(profile.user_id, profile));
    yield tally.end();
  }
}
