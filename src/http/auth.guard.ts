import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../access';
import { ACTOR_RESOLVER, ActorResolver } from '../auth';
import { ActorRequest, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { setRequestActor } from '../observability/request-context';
import { AuthError } from './problem';

/**
 * The global guard. Deny by default: a route passes only if it is `@Public()` or the caller's role
 * is among its `@Roles(...)`. Scope (which school or DRSE) is checked by services, on the data.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    @Inject(ACTOR_RESOLVER) private readonly resolver: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = context.switchToHttp().getRequest<ActorRequest>();
    if (!roles?.length) {
      this.logger.warn(`${req.method} ${req.path}: la ruta no declara @Roles ni @Public; se niega.`);
      throw new AuthError('Esta operación no está habilitada para ningún rol.', 403);
    }
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new AuthError('Se requiere iniciar sesión: envíe el encabezado «Authorization: Bearer <token>».', 401);
    const caller = await this.resolver.resolve(token);
    if (!caller) throw new AuthError('El token no es válido, expiró o su sesión fue cerrada; inicie sesión de nuevo.', 401);
    req.actor = caller.actor;
    setRequestActor(caller.actor);
    req.sessionId = caller.sessionId;
    if (!roles.includes(caller.actor.role)) {
      throw new AuthError(`Su rol (${caller.actor.role}) no puede usar esta operación; la atienden: ${roles.join(', ')}.`, 403);
    }
    return true;
  }
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m ? m[1] : null;
}
