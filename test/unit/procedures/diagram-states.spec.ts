import { AREA_LABEL, diagramStates, plazoLabel } from '../../../src/procedures/diagram';
import { CHARTS } from '../../../statecharts/registry';
import { PROCEDURES } from '../../../statecharts/step-meta';

/** The diagram for people (GET /procedures/:p/diagram `states`): Spanish for every step, nothing internal. */
describe('diagram states for people', () => {
  const charts = PROCEDURES.flatMap((p) => Object.entries(CHARTS[p]).map(([v, m]) => ({ name: `${p} v${v}`, machine: m })));

  it.each(charts)('$name: every step has its own Spanish title and area, no ids, events, activities or role codes', ({ machine }) => {
    const states = diagramStates(machine);
    for (const s of states) {
      expect(s.titulo).not.toMatch(/^(Paso automático del sistema|Espera otro trámite|Fin del trámite)$/); // no fallback title
      const shown = `${s.titulo} ${s.area} ${s.plazo ?? ''}`;
      expect(shown).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/); // camelCase state ids and activity names (one-word ids are Spanish words)
      expect(shown).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/); // event names, role codes, statuses
      expect(shown).not.toMatch(/\b(days?|hours?|SLA)\b/);
      if (s.kind === 'task') expect(s.plazo).toMatch(/^\d+ (días?|horas?)$/);
    }
  });

  it('Procedure 1: the usual course skips the return, the supply wait and the other ends', () => {
    const states = diagramStates(CHARTS.PROCEDURE_1[1]);
    const by = Object.fromEntries(states.map((s) => [s.id, s]));
    expect(states.filter((s) => s.principal).map((s) => s.id)).toEqual([
      'revisionPlaneacion', 'verificacionProcedencia', 'validacionControlEscolar', 'verificacionMaterial', 'produccion', 'confirmacionProduccion', 'entrega', 'registroAcuse', 'entregada',
    ]);
    expect(by.revisionPlaneacion).toMatchObject({ titulo: 'Revisar el oficio de la escuela', area: 'Planeación de la DRSE', plazo: '3 días', rol: 'DRSE_PLANEACION' });
    expect(by.verificacionProcedencia).toMatchObject({ kind: 'auto', titulo: 'El sistema verifica qué alumnos proceden', area: 'El sistema' });
    expect(by.esperaAbastecimiento).toMatchObject({ kind: 'child', area: 'Recursos Materiales', principal: false });
    expect(by.retirada).toMatchObject({ titulo: 'Retirada por la escuela', principal: false });
  });

  it('Supply: a partial shipment loops back, the usual course still reaches «surtida»', () => {
    const main = diagramStates(CHARTS.SUPPLY[1]).filter((s) => s.principal).map((s) => s.id);
    expect(main).toEqual(['apertura', 'revisionCentral', 'aprobacion', 'surtido', 'registroEnvio', 'recepcion', 'registroRecepcion', 'surtida']);
  });

  it('deadlines read as people say them', () => {
    expect(plazoLabel('3 days')).toBe('3 días');
    expect(plazoLabel('1 day')).toBe('1 día');
    expect(plazoLabel('12 hours')).toBe('12 horas');
    expect(plazoLabel('1h')).toBe('1 hora');
    expect(Object.values(AREA_LABEL).join(' ')).not.toMatch(/_/);
  });
});
