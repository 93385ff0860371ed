import { ValidationError } from '../shared/domain-error';
import { Participant, ParticipantInput } from './participant';

export const MAX_PARTICIPANTS_PER_ADD = 100;

/**
 * The users of one bulk add: 1-100 entries, each a valid participant, no user twice. It is all or
 * nothing, so every entry is checked before anything is stored, and a user listed twice (perhaps
 * with two roles) is refused rather than guessed at. An error names its entry: `participants.2.role`.
 */
export function participantList(raw: readonly ParticipantInput[], joinedAt: Date): Participant[] {
  if (raw.length < 1 || raw.length > MAX_PARTICIPANTS_PER_ADD) {
    throw new ValidationError(`participants must list 1-${MAX_PARTICIPANTS_PER_ADD} users`, {
      field: 'participants',
    });
  }
  const seen = new Set<string>();
  return raw.map((entry, index) => {
    const participant = entryAt(entry, index, joinedAt);
    if (seen.has(participant.userId)) {
      throw new ValidationError(`participants.${index}.user_id: ${participant.userId} is listed twice`, {
        field: `participants.${index}.user_id`,
      });
    }
    seen.add(participant.userId);
    return participant;
  });
}

function entryAt(entry: ParticipantInput, index: number, joinedAt: Date): Participant {
  try {
    return Participant.create(entry, joinedAt);
  } catch (error) {
    const field = error instanceof ValidationError ? error.details?.field : undefined;
    if (!(error instanceof ValidationError) || typeof field !== 'string') throw error;
    const path = `participants.${index}.${field}`;
    throw new ValidationError(`${path}: ${error.message}`, { field: path });
  }
}
