import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../http/api-docs.decorators';
import { ActorRequest, AnyRole, CurrentActor, Public } from '../http/auth.decorators';
import type { Actor } from './actor';
import { LoginDto, MeDto, RefreshDto, TokensDto } from './auth.dto';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('autenticación')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'Inicia sesión: token de acceso (JWT, 15 min) y token de renovación. Limitado por IP + usuario.' })
  @ApiOkResponse({ type: TokensDto })
  @ApiProblems(401, 422, 429)
  login(@Body() dto: LoginDto): Promise<TokensDto> {
    return this.auth.login(dto);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Renueva los tokens. El de renovación es de un solo uso: reusarlo cierra la sesión entera.' })
  @ApiOkResponse({ type: TokensDto })
  @ApiProblems(401, 422)
  refresh(@Body() dto: RefreshDto): Promise<TokensDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @AnyRole()
  @ApiOperation({ summary: 'Cierra la sesión: su token de acceso y sus tokens de renovación dejan de servir de inmediato.' })
  @ApiNoContentResponse({ description: 'Sesión cerrada.' })
  async logout(@Req() req: ActorRequest): Promise<void> {
    await this.auth.logout(req.sessionId);
  }

  @Get('me')
  @AnyRole()
  @ApiOperation({ summary: 'Quién es usted: rol, ámbito (escuela o DRSE) y usuario.' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }
}
