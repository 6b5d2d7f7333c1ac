import { StudentsInOpenRequestError } from '../../../src/requests/open-requests';

describe(StudentsInOpenRequestError.name, () => {
  const one = [{ studentId: 12, requestId: 345, filedOn: '2026-11-02' }];

  it('is a 409 naming the other request as the web shows it, in Spanish, without internal codes', () => {
    const err = new StudentsInOpenRequestError(one, 'PROCEDURE_1');
    expect(err).toMatchObject({ status: 409, code: 'ALUMNO_EN_OTRA_SOLICITUD' });
    expect(err.message).toBe(
      'El alumno 12 ya está en la solicitud #345 (solicitud de credenciales abierta, presentada el 2026-11-02). Un alumno está en una sola solicitud de credenciales abierta por ciclo; no se registró esta solicitud.',
    );
    expect(err.errors).toEqual([{ field: 'students', message: expect.stringContaining('solicitud #345') }]);
    expect(err.message).not.toMatch(/PROCEDURE_|REPLACEMENT|open_request/);
  });

  it('points each conflict at the caller’s field and summarises several', () => {
    const many = [...one, { studentId: 13, requestId: 346, filedOn: '2026-11-03' }];
    const err = new StudentsInOpenRequestError(many, 'PROCEDURE_1').withFields((id) => (id === 12 ? 'datos.nuevos[0]' : 'datos.continuan[1]'));
    expect(err.errors.map((e) => e.field)).toEqual(['datos.nuevos[0]', 'datos.continuan[1]']);
    expect(err.message).toContain('2 alumnos ya están en otra solicitud de credenciales abierta (solicitud #345, #346)');
    expect(err.status).toBe(409);
  });

  it('speaks of a replacement for the replacement kind', () => {
    const err = new StudentsInOpenRequestError(one, 'REPLACEMENT', () => 'datos.alumno');
    expect(err.errors).toEqual([{ field: 'datos.alumno', message: expect.stringContaining('reposición abierta') }]);
  });
});
