import { User } from '../../../src/auth/user.entity';
import { Drse, School } from '../../../src/catalog/entities';
import { RefusalComplaint } from '../../../src/catalog/refusal-complaint.entity';

const drse = new Drse('VALLES', 'DRSE Valles', 'Ameca');
const school = Object.assign(new School({ cct: '14EPR0001A', turno: 'MATUTINO', nivel: 'PRIMARIA', name: 'E', address: 'A', phone: '1', matricula: 10, hasInternet: false, drse }), { id: 3 });
const user = Object.assign(Object.create(User.prototype) as User, { id: 'u-1' });

describe(RefusalComplaint.name, () => {
  const complaint = (dueDays = 10) => new RefusalComplaint({ school, description: 'El director se negó a tramitarla.', filedBy: user, filedByRole: 'DRSE_PLANEACION', dueDays });

  it('is due COMPLAINT_DUE_DAYS after filing and overdue only while open past that', () => {
    const c = complaint(7);
    expect(c.dueAt.getTime() - c.createdAt.getTime()).toBe(7 * 86_400_000);
    expect(c.overdue(new Date(c.createdAt.getTime() + 6 * 86_400_000))).toBe(false);
    expect(c.overdue(new Date(c.createdAt.getTime() + 8 * 86_400_000))).toBe(true);
    c.resolve(user, 'Se instruyó al director.', 'PROCEDE');
    expect(c.overdue(new Date(c.createdAt.getTime() + 8 * 86_400_000))).toBe(false);
  });

  it('is resolved once, with an outcome and a resolution', () => {
    const c = complaint();
    expect(() => c.resolve(user, 'no', 'NO_PROCEDE')).toThrow(/al menos 5/);
    c.resolve(user, '  La familia ya la recibió.  ', 'NO_PROCEDE');
    expect(c).toMatchObject({ status: 'ATENDIDA', outcome: 'NO_PROCEDE', resolution: 'La familia ya la recibió.' });
    expect(() => c.resolve(user, 'Otra resolución.', 'PROCEDE')).toThrow(/ya fue atendida/);
  });
});
