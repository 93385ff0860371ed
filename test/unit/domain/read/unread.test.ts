import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReadPointer } from '../../../../src/domain/read/read-pointer';
import { unreadCount } from '../../../../src/domain/read/unread';

type Step = { kind: 'send'; user: number } | { kind: 'read'; user: number; upTo: number };

const USERS = 3;
const step = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), user: fc.nat(USERS - 1) }),
  fc.record({ kind: fc.constant('read' as const), user: fc.nat(USERS - 1), upTo: fc.nat(60) }),
);

/** Plays a channel's history the way the use cases do: sending moves the sender's pointer. */
function play(steps: Step[]) {
  const authors: number[] = []; // authors[seq - 1]
  const pointers = Array.from({ length: USERS }, () => ReadPointer.start());
  for (const s of steps) {
    if (s.kind === 'send') {
      authors.push(s.user);
      pointers[s.user] = pointers[s.user].advance(ReadPointer.at(authors.length, authors.length));
    } else if (s.upTo >= 1 && s.upTo <= authors.length) {
      pointers[s.user] = pointers[s.user].advance(ReadPointer.at(s.upTo, s.upTo));
    }
  }
  return { authors, pointers };
}

describe('unreadCount', () => {
  it('is the number of messages after the pointer', () => {
    assert.equal(unreadCount(7, ReadPointer.at(40, 4)), 3);
  });

  it('is zero for a pointer on the last message', () => {
    assert.equal(unreadCount(4, ReadPointer.at(40, 4)), 0);
  });

  it('equals counting the messages after the pointer not sent by the user, whatever happened', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { authors, pointers } = play(steps);

        return pointers.every((pointer, user) => {
          const counted = authors.filter((author, i) => i + 1 > pointer.seq && author !== user).length;
          return unreadCount(authors.length, pointer) === counted;
        });
      }),
    );
  });
});
