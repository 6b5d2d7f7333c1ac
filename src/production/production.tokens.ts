/** Nest injection tokens of the production module. */
export const PRODUCTION_OPTIONS = Symbol('PRODUCTION_OPTIONS');
export const PRODUCTION_BLOBS = Symbol('PRODUCTION_BLOBS');

export interface ProductionOptions {
  publicBaseUrl: string;
  /** Upper bound of students in one run (one PDF). */
  maxStudentsPerRun: number;
}
