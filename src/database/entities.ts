import { CATALOG_ENTITIES } from '../catalog/entities';
import { AUTH_ENTITIES } from '../auth/entities';
import { PRODUCTION_ENTITIES } from '../production/entities';

/**
 * Every entity of the application, module by module. Each module exports its own list; add it here.
 * Inventory, requests, procedures, inbox and support have none: they use typed SQL (docs/ARCHITECTURE.md).
 */
export const ALL_ENTITIES = [...CATALOG_ENTITIES, ...AUTH_ENTITIES, ...PRODUCTION_ENTITIES];
