/** Every workflow the worker registers (Temporal bundles this file and what it imports). */
export * from './system.workflow';
export * from './procedure1.workflow';
export * from './procedure2.workflow';
export * from './supply.workflow';
export * from './replacement.workflow';
export * from './support.workflow';
