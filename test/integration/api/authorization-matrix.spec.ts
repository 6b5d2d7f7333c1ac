import { AuthGuard } from '../../../src/http/auth.guard';
import { formWith, pngPhoto, zipOf } from '../../support/files';
import { createScopeWorld, Persona, PERSONAS, ScopeWorld, startTestApp, TestApp } from '../../support/app';

/**
 * Every endpoint × every persona (each role inside and outside the target's scope, plus no login).
 * Expected answers, in PERSONAS order:
 *   ANON  ESC_IN ESC_OUT  PLA_IN PLA_OUT  CE_IN CE_OUT  TEC_IN TEC_OUT  RM  CEC  ADMIN
 * A number is the HTTP status; SEE / HIDE mean 200 with the target in / not in the returned list.
 * ESC_OUT is a school of the SAME DRSE; the DRSE *_OUT personas belong to another DRSE.
 * To add an endpoint: add a row (and, if it needs data, a `prepare`).
 */
type Expected = number | 'SEE' | 'HIDE';

interface Request {
  path: string;
  json?: unknown;
  form?: FormData;
}

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the OpenAPI document names it (to prove every operation has a row). */
  route: string;
  expect: string;
  request: (w: ScopeWorld, t: TestApp, persona: Persona) => Request | Promise<Request>;
  /** For SEE/HIDE: is the target in this list response? */
  sees?: (body: { items: { id: number }[] }, w: ScopeWorld) => boolean;
}

const csv = (curp: string) => Buffer.from(`CURP,NOMBRES,PRIMER_APELLIDO,SEGUNDO_APELLIDO,PRIMER_INGRESO\n${curp},Ana,Ruiz,Peña,SI\n`, 'utf8');
const hasId = (id: number) => (body: { items: { id: number }[] }) => body.items.some((i) => i.id === id);

let complaintId = 0;

const ROWS: Row[] = [
  //                                                                   ANON ESC_IN ESC_OUT PLA_IN PLA_OUT CE_IN CE_OUT TEC_IN TEC_OUT RM  CEC ADMIN
  { name: 'salud', method: 'GET', route: '/health', expect:             '200  200    200     200    200     200   200    200    200     200 200 200',
    request: () => ({ path: '/health' }) },
  { name: 'quién soy', method: 'GET', route: '/auth/me', expect:        '401  200    200     200    200     200   200    200    200     200 200 200',
    request: () => ({ path: '/auth/me' }) },
  { name: 'lista de escuelas', method: 'GET', route: '/schools', expect: '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   SEE    HIDE    SEE SEE SEE',
    request: () => ({ path: '/schools?pageSize=200' }), sees: (b, w) => hasId(w.school.id)(b) },
  { name: 'una escuela', method: 'GET', route: '/schools/{id}', expect: '401  200    404     200    404     200   404    200    404     200 200 200',
    request: (w) => ({ path: `/schools/${w.school.id}` }) },
  { name: 'lista de alumnos', method: 'GET', route: '/students', expect: '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   403    403     403 SEE SEE',
    request: () => ({ path: '/students?pageSize=200' }), sees: (b, w) => hasId(w.student.id)(b) },
  { name: 'un alumno', method: 'GET', route: '/students/{id}', expect:  '401  200    404     200    404     200   404    403    403     403 200 200',
    request: (w) => ({ path: `/students/${w.student.id}` }) },
  { name: 'foto de un alumno', method: 'GET', route: '/students/{id}/photo', expect:
                                                                        '401  200    404     200    404     200   404    403    403     403 200 200',
    request: (w) => ({ path: `/students/${w.student.id}/photo` }) },
  { name: 'registrar alumno', method: 'POST', route: '/students', expect: '401  201    404     403    403     403   403    403    403     403 201 201',
    request: (w, t) => ({ path: '/students', json: { curp: t.newCurp(), nombres: 'Ana', primerApellido: 'Ruiz', primerIngreso: true, schoolId: w.school.id } }) },
  { name: 'importar CSV', method: 'POST', route: '/students/import', expect:
                                                                        '401  200    404     403    403     403   403    403    403     403 200 200',
    request: (w, t) => ({ path: `/students/import?schoolId=${w.school.id}`, form: formWith('archivo', csv(t.newCurp()), 'alumnos.csv', 'text/csv') }) },
  { name: 'cargar foto', method: 'PUT', route: '/students/{id}/photo', expect:
                                                                        '401  200    404     403    403     403   403    403    403     403 200 200',
    request: (w) => ({ path: `/students/${w.student.id}/photo`, form: formWith('foto', pngPhoto(2), 'foto.png', 'image/png') }) },
  // Outside its scope a student's CURP is as unknown as a CURP nobody has: the entry is refused (422).
  { name: 'ZIP de fotos', method: 'POST', route: '/students/photos.zip', expect:
                                                                        '401  200    422     403    403     403   403    403    403     403 200 200',
    request: (w) => ({ path: '/students/photos.zip', form: formWith('archivo', zipOf({ [`${w.student.curp}.png`]: pngPhoto(3) }), 'fotos.zip', 'application/zip') }) },
  { name: 'declinar (R4)', method: 'POST', route: '/students/{id}/opt-out', expect:
                                                                        '401  200    404     403    403     403   403    403    403     403 200 200',
    request: (w) => ({ path: `/students/${w.student.id}/opt-out`, json: { reason: 'La familia no la desea.' } }) },
  { name: 'presentar queja (R4)', method: 'POST', route: '/complaints', expect:
                                                                        '401  201    404     201    404     201   404    403    403     403 201 201',
    request: (w) => ({ path: '/complaints', json: { schoolId: w.school.id, studentId: w.student.id, description: 'El director se negó a tramitar la credencial.' } }) },
  { name: 'lista de quejas', method: 'GET', route: '/complaints', expect: '401  SEE    HIDE    SEE    HIDE    SEE   HIDE   403    403     403 SEE SEE',
    request: () => ({ path: '/complaints?pageSize=200' }), sees: (b) => hasId(complaintId)(b) },
  { name: 'atender queja', method: 'POST', route: '/complaints/{id}/resolve', expect:
                                                                        '401  403    403     200    404     200   404    403    403     403 200 200',
    request: async (w, t) => {
      const filed = await t.http('POST', '/complaints', { token: w.tokens.ADMIN, json: { schoolId: w.school.id, description: 'Queja para atender en la matriz.' } });
      return { path: `/complaints/${filed.body.id}/resolve`, json: { resolution: 'Se habló con el director.' } };
    } },
];

/** Operations deliberately outside the matrix, with the reason. */
const NOT_IN_MATRIX: Record<string, string> = {
  'POST /auth/login': 'público; probado en auth.spec.ts',
  'POST /auth/refresh': 'público; probado en auth.spec.ts',
  'POST /auth/logout': 'cerraría las sesiones de la matriz; probado en auth.spec.ts',
};

function parse(expect: string): Expected[] {
  const cells = expect.trim().split(/\s+/).map((c) => (c === 'SEE' || c === 'HIDE' ? c : Number(c)));
  if (cells.length !== PERSONAS.length) throw new Error(`row needs ${PERSONAS.length} cells: ${expect}`);
  return cells;
}

describe(AuthGuard.name, () => {
  let t: TestApp;
  let w: ScopeWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await createScopeWorld(t);
    const filed = await t.http('POST', '/complaints', {
      token: w.tokens.ADMIN,
      json: { schoolId: w.school.id, description: 'Queja de la escuela destino para las listas.' },
    });
    complaintId = filed.body.id;
  });
  afterAll(async () => t?.close());

  it.each(ROWS.map((r) => [`${r.method} ${r.route} (${r.name})`, r] as const))('%s answers every persona as the table says', async (_, row) => {
    const expected = parse(row.expect);
    const got: string[] = [];
    const want: string[] = [];
    for (const [i, persona] of PERSONAS.entries()) {
      const req = await row.request(w, t, persona);
      const res = await t.http(row.method, req.path, { token: w.tokens[persona], json: req.json, form: req.form });
      const e = expected[i];
      let answer = String(res.status);
      if (e === 'SEE' || e === 'HIDE') {
        answer = res.status === 200 ? (row.sees!(res.body, w) ? 'SEE' : 'HIDE') : String(res.status);
      }
      got.push(`${persona}=${answer}`);
      want.push(`${persona}=${e}`);
      if (res.status >= 400) expect(res.contentType).toContain('application/problem+json');
    }
    expect(got).toEqual(want);
  });

  it('has a row for every operation of the OpenAPI document', async () => {
    const doc = (await t.http('GET', '/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    const covered = new Set([...ROWS.map((r) => `${r.method} ${r.route}`), ...Object.keys(NOT_IN_MATRIX)]);
    expect(operations.filter((op) => !covered.has(op))).toEqual([]);
  });
});
