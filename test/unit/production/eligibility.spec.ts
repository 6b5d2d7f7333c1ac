import { eligibility, EligibilityFacts, INELIGIBLE_TEXT } from '../../../src/production/eligibility';

const card = { folio: 'JAL-2025-000123', cycleCode: '2025-2026' };
const base: EligibilityFacts = { declined: false, issuedThisCycle: false, cardInForce: null, hologramThisCycle: false, hasPhoto: true };
const verdict = (f: Partial<EligibilityFacts>) => eligibility({ ...base, ...f });

describe(eligibility.name, () => {
  it('gives a new card to a student with a photo and no card in force', () => {
    expect(verdict({})).toEqual({ kind: 'CARD' });
  });

  it('never prints a second card for a card in force: only the hologram, with the folio it validates (R3)', () => {
    expect(verdict({ cardInForce: card })).toEqual({ kind: 'HOLOGRAM_ONLY', folio: card.folio, cardCycleCode: card.cycleCode });
    expect(verdict({ cardInForce: card, hasPhoto: false })).toEqual({ kind: 'HOLOGRAM_ONLY', folio: card.folio, cardCycleCode: card.cycleCode });
  });

  it('gives nothing once the cycle hologram was received', () => {
    expect(verdict({ cardInForce: card, hologramThisCycle: true })).toEqual({ kind: 'NONE', reason: 'HOLOGRAMA_ENTREGADO' });
  });

  it('refuses in order: declined (R4), already issued this cycle, then missing photo (R8)', () => {
    expect(verdict({ declined: true, issuedThisCycle: true, cardInForce: card })).toEqual({ kind: 'NONE', reason: 'RECHAZADA' });
    expect(verdict({ issuedThisCycle: true, cardInForce: card, hasPhoto: false })).toEqual({ kind: 'NONE', reason: 'YA_EXPEDIDA' });
    expect(verdict({ hasPhoto: false })).toEqual({ kind: 'NONE', reason: 'SIN_FOTOGRAFIA' });
  });

  it('explains every refusal in Spanish without internal codes', () => {
    for (const text of Object.values(INELIGIBLE_TEXT)) expect(text).toMatch(/^[A-ZÁÉÍÓÚÑ][^_{}]+\.$/);
  });
});
