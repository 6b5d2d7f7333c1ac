import { packPlanillas, PackableCard } from '../../../src/production/planilla-packing';

function cards(n: number, schoolId = 1, school = 'Escuela A'): PackableCard[] {
  return Array.from({ length: n }, (_, i) => ({ studentId: schoolId * 1000 + i, schoolId, schoolSortKey: school, nameSortKey: `Apellido ${String.fromCharCode(90 - (i % 26))} ${i}` }));
}

describe(packPlanillas.name, () => {
  it('packs 17 cards in 3 planillas with 7 blank slots at the end of the last one', () => {
    const sut = packPlanillas(cards(17));
    expect(sut).toMatchObject({ planillas: 3, cards: 17, blanks: 7 });
    expect(sut.slots.filter((s) => !s.card).map((s) => [s.planilla, s.slot])).toEqual([1, 2, 3, 4, 5, 6, 7].map((slot) => [2, slot]));
  });

  it('packs 16 cards in 2 planillas with no blank', () => {
    expect(packPlanillas(cards(16))).toMatchObject({ planillas: 2, cards: 16, blanks: 0 });
  });

  it('orders by school then by name (Spanish collation), and can start each school on a new planilla', () => {
    const input = [...cards(3, 2, 'Escuela Ñandú'), ...cards(2, 1, 'Escuela Águila')];
    const together = packPlanillas(input);
    expect(together.slots.slice(0, 5).map((s) => s.card?.schoolId)).toEqual([1, 1, 2, 2, 2]);
    expect(together).toMatchObject({ planillas: 1, blanks: 3 });
    const names = together.slots.slice(2, 5).map((s) => s.card!.nameSortKey);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'es')));

    const apart = packPlanillas(input, { newPlanillaPerSchool: true });
    expect(apart).toMatchObject({ planillas: 2, cards: 5, blanks: 11 });
    expect(apart.slots.filter((s) => s.planilla === 1 && s.card).map((s) => s.card!.schoolId)).toEqual([2, 2, 2]);
  });

  it('always fills whole planillas', () => {
    for (let n = 1; n <= 40; n++) {
      const r = packPlanillas(cards(n));
      expect(r.slots.length).toBe(r.planillas * 8);
      expect(r.blanks).toBe((8 - (n % 8)) % 8);
    }
  });
});
