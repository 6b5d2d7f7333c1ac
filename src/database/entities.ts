import { CATALOG_ENTITIES } from '../catalog/entities';
import { INVENTORY_ENTITIES } from '../inventory/entities';
import { AUTH_ENTITIES } from '../auth/entities';
import { REQUESTS_ENTITIES } from '../requests/entities';
import { PRODUCTION_ENTITIES } from '../production/entities';

/**
 * Every entity of the application, module by module. Each module exports its own list; add it here.
 */
export const ALL_ENTITIES = [...CATALOG_ENTITIES, ...INVENTORY_ENTITIES, ...AUTH_ENTITIES, ...REQUESTS_ENTITIES, ...PRODUCTION_ENTITIES];
