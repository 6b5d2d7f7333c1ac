import type { Actor } from '../access';

/**
 * The seams that let the SEJ's own identity provider (OIDC) replace local login later without
 * touching controllers: controllers only ever see an `Actor` (put on the request by the global
 * guard through an `ActorResolver`); how a person proves who they are is an `IdentityProvider`.
 */
export interface Credentials {
  username: string;
  password: string;
}

/** Checks credentials and answers the local user id, or null (never says which part was wrong). */
export interface IdentityProvider {
  authenticate(credentials: Credentials): Promise<string | null>;
}
export const IDENTITY_PROVIDER = Symbol('IDENTITY_PROVIDER');

export interface ResolvedCaller {
  actor: Actor;
  /** The login session the token belongs to (for logout); absent for tokens without sessions. */
  sessionId?: string;
}

/** Turns a bearer token into the caller, or null when the token is not (or no longer) valid. */
export interface ActorResolver {
  resolve(bearerToken: string): Promise<ResolvedCaller | null>;
}
export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');
