/** The requests module's public surface: other domain modules import only from here (eslint.config.mjs). */
export * from './http/decision-errors';
export * from './http/procedure-client.provider';
export * from './http/request-filing.service';
export * from './http/request-queries.service';
export * from './http/requests-http.service';
export * from './http/requests.dto';
export * from './open-requests';
export * from './pending-start';
export * from './request-read-model';
export * from './requests.service';
export * from './task-scope';
