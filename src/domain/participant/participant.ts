import { UserId } from '../user/user-id';
import { parseUserType, UserType } from '../user/user-type';
import { defaultRoleFor, parseRole, ParticipantRole } from './participant-role';

export interface ParticipantPrimitives {
  user_id: string;
  role: ParticipantRole;
  user_type: UserType;
  joined_at: Date;
}

/** What a request may say about a participant to add; everything but user_id is optional. */
export interface ParticipantInput {
  user_id: unknown;
  role?: unknown;
  user_type?: unknown;
}

/** A user's membership of one channel. Immutable: a role change gives a new Participant. */
export class Participant {
  private constructor(private readonly props: ParticipantPrimitives) {}

  /** Validates the input; the role defaults to `guest` for guest users and `member` otherwise. */
  static create(input: ParticipantInput, joinedAt: Date): Participant {
    const userType = parseUserType(input.user_type);
    const role =
      input.role === undefined || input.role === null ? defaultRoleFor(userType) : parseRole(input.role);
    return new Participant({
      user_id: UserId.parse(input.user_id),
      role,
      user_type: userType,
      joined_at: joinedAt,
    });
  }

  /** The creator of a channel always starts as its admin. */
  static creator(userId: string, userType: UserType, joinedAt: Date): Participant {
    return new Participant({
      user_id: UserId.parse(userId),
      role: 'admin',
      user_type: userType,
      joined_at: joinedAt,
    });
  }

  static fromPrimitives(props: ParticipantPrimitives): Participant {
    return new Participant({ ...props });
  }

  get userId(): string {
    return this.props.user_id;
  }

  get role(): ParticipantRole {
    return this.props.role;
  }

  get userType(): UserType {
    return this.props.user_type;
  }

  get joinedAt(): Date {
    return this.props.joined_at;
  }

  get isAdmin(): boolean {
    return this.props.role === 'admin';
  }

  withRole(role: ParticipantRole): Participant {
    return new Participant({ ...this.props, role });
  }

  toPrimitives(): ParticipantPrimitives {
    return { ...this.props };
  }
}
