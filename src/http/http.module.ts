import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AuthModule } from '../auth';
import { ApiInstance } from './api-instance';
import { AuthGuard } from './auth.guard';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { ProblemDetailsFilter } from './problem.filter';
import { RateLimitInterceptor } from '../security/rate-limit';
import { createValidationPipe } from './validation';

/** The HTTP conventions of every endpoint: deny-by-default guard, problem+json errors, DTO validation, per-user rate limits. */
@Module({
  imports: [AuthModule],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor },
    ApiInstance,
    IdempotencyInterceptor,
  ],
  exports: [IdempotencyInterceptor, ApiInstance],
})
export class HttpModule {}
