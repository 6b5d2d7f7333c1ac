import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AUTH_CONFIG, AuthConfig, JWT_AUDIENCE, JWT_ISSUER, loadAuthConfig } from './auth-config';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ACTOR_RESOLVER, IDENTITY_PROVIDER } from './identity';
import { LocalIdentityProvider } from './local-identity.provider';
import { SecurityEvents } from './security-events';
import { SecurityEventsController } from './security-events.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/**
 * Local login. To move to the SEJ's OIDC provider, bind IDENTITY_PROVIDER (or ACTOR_RESOLVER, for
 * bearer tokens issued by the provider itself) to another class: controllers do not change.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      extraProviders: [{ provide: AUTH_CONFIG, useFactory: (c: AppConfig) => loadAuthConfig(c.dataDir), inject: [APP_CONFIG] }],
      inject: [AUTH_CONFIG],
      useFactory: (config: AuthConfig) => ({
        // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every call.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
        verifyOptions: { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: loadAuthConfig(c.dataDir).loginAttemptsPerMinute }],
      }),
    }),
  ],
  controllers: [AuthController, UsersController, SecurityEventsController],
  providers: [
    { provide: AUTH_CONFIG, useFactory: (c: AppConfig) => loadAuthConfig(c.dataDir), inject: [APP_CONFIG] },
    { provide: IDENTITY_PROVIDER, useClass: LocalIdentityProvider },
    AuthService,
    { provide: ACTOR_RESOLVER, useExisting: AuthService },
    UsersService,
    AccountsService,
    SecurityEvents,
  ],
  exports: [ACTOR_RESOLVER, AuthService, UsersService, AUTH_CONFIG],
})
export class AuthModule {}
