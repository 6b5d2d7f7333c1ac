import { RefusalComplaint } from '../catalog';
import { AuthSession, RefreshToken } from './session.entity';
import { User } from './user.entity';

/** Entities of the auth/HTTP foundation (users, sessions) and the R4 complaint. */
export const AUTH_ENTITIES = [User, AuthSession, RefreshToken, RefusalComplaint];
