import { UserId } from '../user/user-id';
import { DEFAULT_USER_TYPE, UserType } from '../user/user-type';
import { defaultRoleFor, ParticipantRole } from './participant-role';

export interface ParticipantPrimitives {
  user_id: string;
  role: ParticipantRole;
  user_type: UserType;
  joined_at: Date;
}

/** What a request may say about a participant to add; everything but user_id is optional. */
export interface ParticipantInput {
  user_id: string;
  role?: ParticipantRole | null;
  user_type?: UserType | null;
}

/** A user's membership of one channel. Immutable: a role change gives a new Participant. */
export class Participant {
  private constructor(private readonly props: ParticipantPrimitives) {}

  /** Validates the input; the role defaults to `guest` for guest users and `member` otherwise. */
  static create(input: ParticipantInput, joinedAt: Date): Participant {
    const userType = input.user_type ?? DEFAULT_USER_TYPE;
    const role = input.role ?? defaultRoleFor(userType);
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
