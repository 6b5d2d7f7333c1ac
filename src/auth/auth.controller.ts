import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiProblems } from '../http/api-docs.decorators';
import { ActorRequest, AnyRole, CurrentActor, Public } from '../http/auth.decorators';
import type { Actor } from '../access';
import { AUTH_CONFIG, AuthConfig } from './auth-config';
import { AccountsService } from './accounts.service';
import { ChangePasswordDto, LoginDto, MeDto, TokensDto } from './auth.dto';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { clearRefreshCookie, CookieCsrfGuard, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { originOf } from './security-events';

@ApiTags('autenticación')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({
    summary:
      'Inicia sesión: token de acceso (JWT, 15 min) en la respuesta y token de renovación en la cookie «sej_refresh» (HttpOnly, SameSite=Strict, Path=/auth). Limitado por IP + usuario; la cuenta se bloquea (429, Retry-After) tras varios intentos fallidos seguidos.',
  })
  @ApiOkResponse({ type: TokensDto })
  @ApiProblems(401, 422, 429)
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TokensDto> {
    const issued = await this.auth.login(dto, originOf(req));
    setRefreshCookie(res, issued.refreshToken, this.config);
    return issued.body;
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @UseGuards(CookieCsrfGuard)
  @ApiHeader({ name: 'X-Requested-With', required: true, description: 'Cualquier valor (protección CSRF: la autoridad viene de la cookie).' })
  @ApiOperation({
    summary:
      'Renueva la sesión con la cookie «sej_refresh»: nuevo token de acceso y nueva cookie. La cookie es de un solo uso: reusarla cierra la sesión entera (salvo dos pestañas que renuevan a la vez).',
  })
  @ApiOkResponse({ type: TokensDto })
  @ApiProblems(401, 403)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TokensDto> {
    try {
      const issued = await this.auth.refresh(readRefreshCookie(req));
      setRefreshCookie(res, issued.refreshToken, this.config);
      return issued.body;
    } catch (err) {
      clearRefreshCookie(res, this.config);
      throw err;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @AnyRole()
  @ApiOperation({ summary: 'Cierra la sesión: su token de acceso y su cookie de renovación dejan de servir de inmediato.' })
  @ApiNoContentResponse({ description: 'Sesión cerrada.' })
  async logout(@Req() req: ActorRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(req.sessionId);
    clearRefreshCookie(res, this.config);
  }

  @Post('logout-all')
  @HttpCode(204)
  @AnyRole()
  @ApiOperation({ summary: 'Cierra todas sus sesiones, en todos los equipos y navegadores (también esta).' })
  @ApiNoContentResponse({ description: 'Sesiones cerradas.' })
  async logoutAll(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.accounts.logoutEverywhere(actor, originOf(req));
    clearRefreshCookie(res, this.config);
  }

  @Post('password')
  @HttpCode(204)
  @AnyRole()
  @ApiOperation({
    summary:
      'Cambia su contraseña: pide la actual; la nueva tiene al menos 12 caracteres y no es una contraseña común. Sus otras sesiones se cierran; esta sigue abierta.',
  })
  @ApiNoContentResponse({ description: 'Contraseña cambiada.' })
  @ApiProblems(422)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Req() req: ActorRequest): Promise<void> {
    await this.accounts.changePassword(actor, req.sessionId, dto.currentPassword, dto.newPassword, originOf(req));
  }

  @Get('me')
  @AnyRole()
  @ApiOperation({ summary: 'Quién es usted: rol, ámbito (escuela o DRSE) y usuario.' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }
}
