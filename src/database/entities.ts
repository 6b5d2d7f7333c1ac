import { CATALOG_ENTITIES } from '../catalog/entities';

/**
 * Every entity of the application, module by module. Each module exports its own list; add it here.
 */
export const ALL_ENTITIES = [...CATALOG_ENTITIES];
