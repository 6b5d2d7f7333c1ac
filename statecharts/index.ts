export * from './step-meta';
export * from './procedure1.machine';
export * from './procedure2.machine';
export * from './supply.machine';
export * from './replacement.machine';
export * from './registry';
