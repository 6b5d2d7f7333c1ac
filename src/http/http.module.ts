import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { ApiInstance } from './api-instance';
import { AuthGuard } from './auth.guard';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { ProblemDetailsFilter } from './problem.filter';
import { createValidationPipe } from './validation';

/** The HTTP conventions of every endpoint: deny-by-default guard, problem+json errors, DTO validation. */
@Module({
  imports: [AuthModule],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    ApiInstance,
    IdempotencyInterceptor,
  ],
  exports: [IdempotencyInterceptor, ApiInstance],
})
export class HttpModule {}
