import { packPlanillas, PackableCard, sortCards } from '../../../src/production/planilla-packing';

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

  it('numbers planillas and slots in reading order, cards first and blanks after', () => {
    const sut = packPlanillas(cards(10));
    expect(sut.slots.map((s) => [s.planilla, s.slot, s.card ? 'card' : 'blank'])).toEqual(
      Array.from({ length: 16 }, (_, i) => [Math.floor(i / 8), i % 8, i < 10 ? 'card' : 'blank']),
    );
  });

  it('starts a new planilla per school only where the school changes, with a custom sheet size', () => {
    const input = [...cards(3, 1, 'Escuela A'), ...cards(1, 2, 'Escuela B'), ...cards(4, 3, 'Escuela C')];
    const sut = packPlanillas(input, { slotsPerPlanilla: 4, newPlanillaPerSchool: true });
    expect(sut).toMatchObject({ planillas: 3, cards: 8, blanks: 4 });
    expect(sut.slots.map((s) => s.card?.schoolId ?? 0)).toEqual([1, 1, 1, 0, 2, 0, 0, 0, 3, 3, 3, 3]);
  });

  // 0 and NaN last: with a broken check they make packing loop forever rather than fail.
  it.each([2.5, -8, 0, NaN])('refuses %p slots per planilla', (slotsPerPlanilla) => {
    expect(() => packPlanillas(cards(3), { slotsPerPlanilla })).toThrow('slotsPerPlanilla must be a positive integer');
  });
});

describe(sortCards.name, () => {
  it('orders schools by their sort key, not by id, and two schools of the same name by id before names', () => {
    const card = (schoolId: number, schoolSortKey: string, nameSortKey: string): PackableCard => ({ studentId: schoolId, schoolId, schoolSortKey, nameSortKey });
    const input = [card(1, 'Escuela Zapopan', 'B'), card(2, 'Escuela Ameca', 'C'), card(4, 'Escuela Tala', 'A'), card(3, 'Escuela Tala', 'Z')];
    expect(sortCards(input).map((c) => c.schoolId)).toEqual([2, 3, 4, 1]);
  });

  it('orders homonyms of a school by student id', () => {
    const twin = (studentId: number): PackableCard => ({ studentId, schoolId: 1, schoolSortKey: 'Escuela A', nameSortKey: 'García Pérez Ana' });
    expect(sortCards([twin(30), twin(7), twin(12)]).map((c) => c.studentId)).toEqual([7, 12, 30]);
  });

  it('does not change the input', () => {
    const input = [...cards(1, 2, 'B'), ...cards(1, 1, 'A')];
    sortCards(input);
    expect(input.map((c) => c.schoolId)).toEqual([2, 1]);
  });
});
