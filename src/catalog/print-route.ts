import type { Nivel } from './identifiers';

export type PrintRoute = 'DRSE' | 'ESCUELA';

export interface PrintRouteDecision {
  route: PrintRoute;
  reason: string;
}

/** R1 thresholds: strictly below these, the DRSE prints (the seed says "inferior a"). */
export const R1_THRESHOLDS: Record<Nivel, number> = { PRIMARIA: 475, SECUNDARIA: 222 };

/** Rule R1: who prints this school's cards, and why (the reason is shown to users, in Spanish). */
export function computePrintRoute(school: { nivel: Nivel; matricula: number; hasInternet: boolean }): PrintRouteDecision {
  const threshold = R1_THRESHOLDS[school.nivel];
  const nivel = school.nivel === 'PRIMARIA' ? 'primaria' : 'secundaria';
  if (!school.hasInternet) {
    return { route: 'DRSE', reason: 'Imprime la DRSE: la escuela no cuenta con internet para acceder a SCEJAL (R1).' };
  }
  if (school.matricula < threshold) {
    return {
      route: 'DRSE',
      reason: `Imprime la DRSE: ${nivel} con matrícula ${school.matricula}, inferior a ${threshold} (R1).`,
    };
  }
  return {
    route: 'ESCUELA',
    reason: `Imprime la escuela: ${nivel} con matrícula ${school.matricula} (${threshold} o más) y acceso a SCEJAL (R1).`,
  };
}
