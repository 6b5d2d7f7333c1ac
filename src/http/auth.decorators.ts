import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor, Role, ROLES } from '../access';
import { ApiProblems } from './api-docs.decorators';
import { AuthError } from './problem';

export const ROLES_KEY = 'sej:roles';
export const PUBLIC_KEY = 'sej:public';
/** OpenAPI extension listing the roles an operation serves (also copied into its description). */
export const ROLES_EXTENSION = 'x-roles';

/** The request as the global guard leaves it. */
export interface ActorRequest extends Request {
  actor?: Actor;
  sessionId?: string;
}

/**
 * The roles an endpoint serves. Without `@Roles` or `@Public` the global guard refuses the route
 * (deny by default). Adds bearer auth, the roles and the 401/403 problems to the OpenAPI operation.
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role');
  return applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth(), ApiExtension(ROLES_EXTENSION, roles), ApiProblems(401, 403));
}

/** Any authenticated user, whatever the role. */
export function AnyRole(): MethodDecorator & ClassDecorator {
  return Roles(...ROLES);
}

/** No login needed (health, login, public verification of a card). */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(ROLES_EXTENSION, ['PUBLICO']));
}

/** The caller, as the global guard resolved it. Only on routes with `@Roles`. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<ActorRequest>();
  if (!req.actor) throw new AuthError('Se requiere iniciar sesión.', 401);
  return req.actor;
});
