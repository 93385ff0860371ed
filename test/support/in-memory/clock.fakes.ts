import { Clock } from '../../../src/application/ports/clock.port';
import { UuidGenerator } from '../../../src/application/ports/uuid-generator.port';

/** A clock that stands still until told to move. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start = new Date('2025-01-01T00:00:00.000Z')) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The tenant-wide message id counter of InMemoryMessageRepository. */
export class InMemoryIdSequence {
  private last = 0;

  async next(): Promise<number> {
    this.last += 1;
    return this.last;
  }
}

/** Predictable, valid UUID v4 strings: 00000000-0000-4000-8000-000000000001, … */
export class SequentialUuidGenerator implements UuidGenerator {
  private count = 0;

  next(): string {
    this.count += 1;
    return `00000000-0000-4000-8000-${String(this.count).padStart(12, '0')}`;
  }
}
