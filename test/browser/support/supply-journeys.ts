import type { School } from '../../../src/catalog/entities';
import type { TestUser } from '../../support/app';
import { pngPhoto } from '../../support/files';
import { stockForPrinting } from '../../integration/api/production-fixtures';
import { PageAudit, Screen, startWebSystem, WebSystem } from './suite';
import { WebUser, writeFixture } from './web';

/**
 * The web interface in a real Chromium against the real system (API + PostgreSQL + Temporal worker),
 * every user on `screen`: students (photo, CSV import with its line report, opt-out), stock
 * dashboard, a supply ticket from the DRSE through partial shipments by Recursos Materiales to
 * receipt and signed acuse, equipment failures, on-site printing, central correction and the public
 * verification page. axe-core runs on every main page (and on a phone, no page is wider than the
 * screen); the desktop run takes the README's screenshots.
 */
export function supplyJourneys(screen: Screen): void {
  describe(`Web interface: catalogue, stock, supply, printing, verification, ${screen.width} px`, () => {
    let sys: WebSystem;
    let small: School;
    let onSite: School;
    let noPhotoName: string;
    const users: Record<string, TestUser> = {};
    const audit = new PageAudit(screen);
    const viewport = { width: screen.width, height: screen.height };

    beforeAll(async () => {
      sys = await startWebSystem({ worker: true });
      const t = sys.t;
      await sys.t.db.orm.em
        .fork()
        .execute(`insert into school_cycle (code, starts_on, ends_on, is_current) values ('2026-2027', '2026-08-24', '2027-07-09', true) on conflict do nothing`);
      small = await t.createSchool({ drse: 'VALLES', matricula: 120 });
      onSite = await t.createSchool({ drse: 'VALLES', matricula: 600, cct: '14EPR0600S' });
      for (let i = 0; i < 3; i++) await t.createStudent(small, { primerIngreso: i < 2 });
      const noPhoto = await t.createStudent(small, { withPhoto: false });
      noPhotoName = [noPhoto.primerApellido, noPhoto.segundoApellido, noPhoto.nombres].filter(Boolean).join(' ');
      for (let i = 0; i < 10; i++) await t.createStudent(onSite, { primerIngreso: true });
      await stockForPrinting(t, { schoolId: onSite.id }, 2);
      users.escuela = await t.createUser({ role: 'ESCUELA', schoolId: small.id, username: 'escuela-web' });
      users.sitio = await t.createUser({ role: 'ESCUELA', schoolId: onSite.id, username: 'escuela-sitio-web' });
      users.tec = await t.createUser({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES', username: 'tecnologias-web' });
      users.rm = await t.createUser({ role: 'RECURSOS_MATERIALES', username: 'recursos-web' });
      users.ce = await t.createUser({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES', username: 'control-escolar-web' });
      users.central = await t.createUser({ role: 'CONTROL_ESCOLAR_CENTRAL', username: 'central-web' });
      users.admin = await t.createUser({ role: 'ADMIN', username: 'admin-web' });
    });

    afterAll(() => sys?.close());

    const as = (key: string): Promise<WebUser> => sys.as(users[key], screen);
    const fixture = (name: string, content: Buffer | string): Promise<string> => writeFixture(sys.fixtures, name, content);

    it('serves the app at /app/ (/ redirects there) and shows a plain error for a wrong password', async () => {
      const u = await WebUser.open(sys.browser, sys.t.baseUrl);
      await u.page.setViewport(viewport);
      await u.page.goto(`${sys.t.baseUrl}/`, { waitUntil: 'domcontentloaded' });
      await u.page.waitForSelector('::-p-aria(Iniciar sesión)');
      expect(new URL(u.page.url()).pathname).toBe('/app/');
      expect(await u.page.$eval('html', (e) => e.lang)).toBe('es');
      await u.page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'username'); // typing can start at once
      await u.fill('Usuario', users.escuela.username);
      await u.fill('Contraseña', 'equivocada-123');
      await u.click('Iniciar sesión');
      await u.page.waitForSelector('[role="alert"]');
      expect(await u.text('[role="alert"]')).toMatch(/usuario o contraseña/i);
      await audit.shot(u, 'login');

      // Keyboard only: the user field has focus on load; Tab, Enter; then Tab reaches the skip link.
      await u.goto('#/login');
      expect(await u.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
      await u.page.keyboard.type(users.escuela.username);
      await u.page.keyboard.press('Tab');
      await u.page.keyboard.type(users.escuela.password);
      await u.page.keyboard.press('Enter');
      await u.page.waitForSelector('::-p-aria(Cerrar sesión)');
      await u.page.reload({ waitUntil: 'domcontentloaded' });
      await u.page.waitForSelector('::-p-aria(Cerrar sesión)');
      await u.page.keyboard.press('Tab');
      expect(await u.page.evaluate(() => document.activeElement?.textContent)).toBe('Saltar al contenido');
      await u.close();
    });

    it(screen.phone ? 'on a phone the sections menu folds behind «Menú», naming the current section' : 'on a desktop every section shows in the menu', async () => {
      const u = await as('escuela');
      const state = () =>
        u.page.evaluate(() => ({
          links: Array.from(document.querySelectorAll<HTMLElement>('nav ul a')).filter((a) => a.offsetParent).length,
          toggle: document.querySelector<HTMLElement>('nav .menu-toggle')?.offsetParent ? document.querySelector('nav .menu-toggle')!.getAttribute('aria-expanded') : 'hidden',
          here: document.querySelector('nav .menu-here')?.textContent ?? null,
        }));
      if (!screen.phone) {
        expect(await state()).toEqual({ links: expect.any(Number), toggle: 'hidden', here: 'Bandeja' });
        expect((await state()).links).toBeGreaterThanOrEqual(10);
        await u.close();
        return;
      }
      expect(await state()).toEqual({ links: 0, toggle: 'false', here: 'Bandeja' });
      await u.click('Menú');
      expect((await state()).toggle).toBe('true');
      expect((await state()).links).toBeGreaterThanOrEqual(10);
      await u.page.keyboard.press('Tab');
      await u.page.keyboard.press('Escape');
      expect(await state()).toEqual({ links: 0, toggle: 'false', here: 'Bandeja' });
      expect(await u.page.evaluate(() => document.activeElement?.classList.contains('menu-toggle'))).toBe(true);
      await u.link('Alumnos');
      expect(await state()).toEqual({ links: 0, toggle: 'false', here: 'Alumnos' });
      await u.waitText('4 alumno(s)');
      await u.screenshot('alumnos-telefono'); // the README's phone example: folded menu, filters two a row, rows as labelled cards
      await u.close();
    });

    it('school: uploads a missing photo, imports a CSV with a line-by-line report, records an opt-out', async () => {
      const u = await as('escuela');
      await u.link('Alumnos');
      await u.waitText('4 alumno(s)');
      await audit.shot(u, 'alumnos');
      // the student without a photo
      expect(await u.text('table.students')).toContain('Sin fotografía');
      await u.upload(`Fotografía de ${noPhotoName}`, await fixture('foto.png', pngPhoto(3)));
      expect((await u.clickFor(`Subir la fotografía de ${noPhotoName}`, /\/students\/\d+\/photo$/, 'PUT')).status()).toBe(200);
      await u.waitText('guardada');

      const good = sys.t.newCurp();
      const csv = ['CURP,NOMBRES,PRIMER_APELLIDO,SEGUNDO_APELLIDO,PRIMER_INGRESO', `${good},ANA,PRUEBA,WEB,SI`, 'NO-ES-CURP,LUIS,PRUEBA,WEB,SI'].join('\n');
      await u.upload('Archivo CSV de alumnos', await fixture('alumnos.csv', csv));
      const imp = await u.clickFor('Importar', /\/students\/import/);
      expect(imp.status()).toBe(422);
      await u.waitText('Reporte por línea');
      const report = await u.text('table.report');
      expect(report).toMatch(/3\s+curp/i);
      await (await u.control('Importar las líneas correctas aunque haya líneas con errores', 'checkbox')).click();
      const imp2 = await u.clickFor('Importar', /\/students\/import/);
      expect(imp2.status()).toBe(200);
      await u.waitText('1 alumno(s) nuevo(s)');
      await audit.shot(u, 'alumnos-importacion');

      // Tablet width: the page fits (wide tables scroll inside their own box).
      await u.page.setViewport({ width: 768, height: 1024 });
      await u.goto('#/alumnos');
      await u.waitText('5 alumno(s)');
      expect(await u.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (!screen.phone) await u.screenshot('tableta-alumnos');
      await u.page.setViewport(viewport);
      await u.click(`Registrar que la familia de ${noPhotoName} declina la credencial`);
      await u.fill(`Motivo (opcional) para ${noPhotoName}`, 'La familia no desea la credencial');
      const oo = await u.clickFor('Confirmar que la familia declina', /\/opt-out$/);
      expect(oo.status()).toBe(200);
      await u.waitText('no se emitirá credencial');
      await u.close();
    });

    it('Tecnologías and Recursos Materiales: stock dashboard, supply ticket, partial shipments, receipt and signed acuse', async () => {
      // Recursos Materiales receives material from the supplier into the central warehouse.
      const rm = await as('rm');
      await rm.link('Existencias');
      await rm.control('Recibido de Micas');
      await audit.check(rm, 'existencias-recepcion');
      await rm.fill('Recibido de Micas', '500');
      await rm.fill('Recibido de Hojas de Teslin (hojas de 8 credenciales)', '10');
      await rm.fill('Referencia (proveedor, remisión)', 'Remisión 001');
      const rec = await rm.clickFor('Registrar recepción', /\/receipts$/);
      expect(rec.status()).toBe(201);
      expect(JSON.parse(rec.request().postData()!).lines).toEqual(expect.arrayContaining([{ item: 'TESLIN', quantity: 80 }]));

      // Tecnologías: dashboard, a minimum that raises the low-stock warning, and a ticket.
      const tec = await as('tec');
      await tec.link('Existencias');
      await tec.choose('Artículo', 'MICA');
      await tec.fill('Cantidad (positiva suma, negativa resta; en la unidad del artículo)', '40');
      await tec.fill('Motivo', 'Conteo físico del kit inicial');
      const adj = await tec.clickFor('Registrar ajuste', /\/adjustments$/);
      expect(adj.status()).toBe(201);
      await tec.waitText('Ningún artículo');
      const minimum = await tec.page.$$('fieldset.inline');
      expect(minimum.length).toBeGreaterThanOrEqual(3);
      await tec.page.evaluate(() => {
        const fs = Array.from(document.querySelectorAll('fieldset.inline')).find((f) => f.querySelector('legend')!.textContent!.startsWith('Micas'))!;
        const [min, target] = Array.from(fs.querySelectorAll('input'));
        min.value = '100';
        target.value = '300';
      });
      const th = await tec.clickFor('Guardar mínimos', /\/thresholds$/, 'PUT');
      expect(th.status()).toBe(200);
      await tec.waitText('Existencia baja');
      expect(await tec.page.$$eval('.chart svg polyline', (els) => els.length)).toBeGreaterThanOrEqual(4);
      await audit.shot(tec, 'existencias');

      await tec.link('Abastecimiento');
      await tec.control('Hojas de Teslin (8 ranuras cada una)');
      await audit.check(tec, 'abastecimiento-nuevo');
      await tec.fill('Hojas de Teslin (8 ranuras cada una)', '2');
      await tec.fill('Micas (piezas)', '200');
      await tec.fill('Justificación', 'Se agotaron las micas del kit en la primera corrida');
      const open = await tec.clickFor('Abrir ticket', /\/supply-tickets$/);
      expect(open.status()).toBe(201);
      await tec.page.waitForSelector('[data-testid="ticket-estado"]');
      const ticketUrl = tec.page.url().replace(/^.*#/, '#');

      // Recursos Materiales finds the ticket in its inbox, with the count in the menu (issue 13 item 4).
      await rm.link('Bandeja');
      await rm.waitText('Revisar el ticket de abastecimiento AB-');
      await rm.page.waitForSelector('nav a[data-nav="#/abastecimiento"] .count');
      expect(await rm.page.$eval('nav a[data-nav="#/abastecimiento"]', (a) => [a.querySelector('.count')?.textContent, document.getElementById(a.getAttribute('aria-describedby')!)?.textContent])).toEqual(['1', '1 pendiente']);
      await audit.shot(rm, 'bandeja-abastecimiento');
      // Recursos Materiales: queue → review → approve → partial shipment (backorder) → rest.
      await rm.link('Abastecimiento');
      await rm.waitText('Pendiente de surtir');
      await audit.shot(rm, 'abastecimiento-cola');
      await rm.goto(ticketUrl);
      expect(await rm.page.$('::-p-aria(Aprobar)')).toBeNull(); // approval is offered once the ticket is in review
      expect((await rm.clickFor('Tomar en revisión', /\/review$/)).status()).toBe(200);
      await rm.waitText('Revisión central');
      // Teslin is ordered, approved and shipped in sheets; the API counts slots (8 per sheet).
      expect(await rm.text('table')).toMatch(/Hojas de Teslin\s+2 hojas \(16 ranuras\)/);
      expect((await rm.clickFor('Aprobar', /\/approve$/)).status()).toBe(200);
      await rm.fill('Enviar de Micas (pendiente 200 piezas)', '120');
      await rm.fill('Enviar de Hojas de Teslin (pendiente 2 hojas)', '1');
      const shipped = await rm.clickFor('Registrar envío', /\/shipments$/);
      expect(shipped.status()).toBe(201);
      expect(JSON.parse(shipped.request().postData()!).lines).toEqual(expect.arrayContaining([{ item: 'TESLIN', quantity: 8 }]));
      await rm.waitText('Enviar de Micas (pendiente 80 piezas)');
      await rm.waitText('Enviar de Hojas de Teslin (pendiente 1 hoja)');
      expect(await rm.text('[data-testid="ticket-estado"]')).toMatch(/En surtido/);
      await audit.shot(rm, 'abastecimiento-ticket');
      expect((await rm.clickFor('Registrar envío', /\/shipments$/)).status()).toBe(201);
      await rm.waitText('Envío 2');

      // Tecnologías finds both shipments in its inbox, confirms both receipts; the DRSE stock grows; the signed acuse is uploaded.
      await tec.link('Bandeja');
      await tec.waitText('Confirmar la recepción del envío 2 del ticket AB-');
      await tec.link(await tec.page.$eval('table.inbox tr[data-tipo="ENVIO"] a', (a) => a.textContent!));
      expect(tec.page.url().replace(/^.*#/, '#')).toBe(ticketUrl);
      // A shortfall can be reported: what arrived per article (Teslin in sheets, starting at what was shipped) and a note.
      await tec.click('Llegó incompleto el envío 1');
      await audit.check(tec, 'abastecimiento-recepcion');
      expect(await tec.page.$eval('::-p-aria(Llegó de Micas \\(enviado 120 piezas\\))', (e) => (e as HTMLInputElement).value)).toBe('120');
      expect(await tec.page.$eval('::-p-aria(Llegó de Hojas de Teslin \\(enviado 1 hoja\\))', (e) => (e as HTMLInputElement).value)).toBe('1');
      await tec.control('Qué pasó (opcional)');
      await tec.click('Cancelar');
      expect(await tec.page.evaluate(() => document.activeElement?.textContent)).toBe('Llegó incompleto el envío 1');
      expect((await tec.clickFor('Confirmar la recepción del envío 1', /\/receipt$/)).status()).toBe(200);
      expect((await tec.clickFor('Confirmar la recepción del envío 2', /\/receipt$/)).status()).toBe(200);
      await tec.waitText('Cerrado');
      expect(await tec.text('table')).toMatch(/Micas\s+200\s+200\s+200\s+200\s+0/);
      await tec.link('Bandeja');
      await tec.waitText('Subir el acuse firmado AC-');
      expect(await tec.page.$$eval('table.inbox tr[data-tipo="ACUSE"]', (rows) => rows.length)).toBe(2);
      await tec.link('Acuses');
      await tec.waitText('Envío a DRSE');
      await audit.check(tec, 'acuses');
      const which = (await tec.page.$eval('button[aria-label^="Subir acuse firmado"]', (b) => b.getAttribute('aria-label')!)).replace('Subir acuse firmado ', '');
      const folio = which.replace('del acuse ', '');
      const pdf = await tec.clickFor(`Descargar acuse ${folio}`, /\/acuses\/\d+\/pdf$/, 'GET');
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      await tec.upload(`Acuse firmado escaneado ${which} (PDF, JPEG o PNG)`, await fixture('acuse.png', pngPhoto(5)));
      expect((await tec.clickFor(`Subir acuse firmado ${which}`, /signed-scan$/)).status()).toBe(201);
      await tec.waitText('Acuse firmado guardado');
      // The signed one is no longer offered for upload on the ticket, nor listed in the inbox.
      await tec.goto(ticketUrl);
      await tec.waitText('Copia firmada adjunta');
      expect(await tec.page.$$eval('button[aria-label^="Subir acuse firmado"]', (b) => b.length)).toBe(1);
      await tec.link('Bandeja');
      await tec.waitText('Subir el acuse firmado AC-');
      expect(await tec.page.$$eval('table.inbox tr[data-tipo="ACUSE"]', (rows) => rows.length)).toBe(1);
      await tec.link('Existencias');
      await tec.waitText('Ningún artículo');
      expect(await tec.text('table')).toMatch(/Micas\s+240/);
      await tec.close();
      await rm.close();
    });

    it('Tecnologías reports a shortfall on receipt (in sheets, with a note); the missing sheet is pending again and shipped again', async () => {
      const tecApi = (await sys.t.loginAs({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES' })).accessToken;
      const rmApi = (await sys.t.loginAs({ role: 'RECURSOS_MATERIALES' })).accessToken;
      const call = async (token: string, url: string, json: unknown) => {
        const res = await sys.t.http('POST', url, { token, json });
        expect([200, 201]).toContain(res.status);
        return res.body;
      };
      const opened = await call(tecApi, '/supply-tickets', { lines: [{ item: 'TESLIN', quantity: 16 }, { item: 'MICA', quantity: 20 }], justification: 'Material para el segundo periodo del ciclo.' });
      await call(rmApi, `/supply-tickets/${opened.id}/review`, {});
      await call(rmApi, `/supply-tickets/${opened.id}/approve`, {});
      await call(rmApi, `/supply-tickets/${opened.id}/shipments`, { lines: [{ item: 'TESLIN', quantity: 16 }, { item: 'MICA', quantity: 20 }] });

      const tec = await as('tec');
      await tec.goto(`#/abastecimiento/${opened.id}`);
      await tec.click('Llegó incompleto el envío 1');
      await tec.fill('Llegó de Hojas de Teslin (enviado 2 hojas)', '1');
      await tec.fill('Qué pasó (opcional)', 'El paquete traía una sola hoja');
      const got = await tec.clickFor('Confirmar lo que llegó del envío 1', /\/receipt$/);
      expect(got.status()).toBe(200);
      expect(JSON.parse(got.request().postData()!).lines).toEqual([
        { item: 'MICA', quantity: 20, note: 'El paquete traía una sola hoja' },
        { item: 'TESLIN', quantity: 8, note: 'El paquete traía una sola hoja' },
      ]);
      await tec.waitText('No llegó: Hojas de Teslin 1 hoja (8 ranuras)');
      expect(await tec.text('[data-testid="ticket-estado"]')).toMatch(/En surtido/);
      await audit.shot(tec, 'abastecimiento-faltante');

      const rm = await as('rm');
      await rm.goto(`#/abastecimiento/${opened.id}`);
      await rm.waitText('Enviar de Hojas de Teslin (pendiente 1 hoja)');
      expect((await rm.clickFor('Registrar envío', /\/shipments$/)).status()).toBe(201);
      await tec.goto(`#/abastecimiento/${opened.id}`);
      expect((await tec.clickFor('Confirmar la recepción del envío 2', /\/receipt$/)).status()).toBe(200);
      await tec.waitText('Cerrado');
      await tec.close();
      await rm.close();
    });

    it('equipment: Tecnologías registers a printer, Control Escolar reports a failure, Tecnologías resolves it', async () => {
      const tec = await as('tec');
      await tec.link('Equipo y fallas');
      await tec.fill('Número de serie', 'IMP-0001');
      expect((await tec.clickFor('Registrar equipo', /\/equipment$/)).status()).toBe(201);
      await tec.waitText('IMP-0001');

      const ce = await as('ce');
      await ce.link('Equipo y fallas');
      await ce.waitText('IMP-0001');
      await ce.fill('Falla de Impresora IMP-0001', 'No jala las hojas de Teslin');
      expect((await ce.clickFor('Reportar', /\/failures$/)).status()).toBe(201);
      // The report opens an EQUIPO support ticket (R10) and the page follows it; the equipment list shows the failure.
      await ce.waitText('Ticket de soporte #');
      await ce.goto('#/equipo');
      await ce.waitText('Con falla');
      await audit.check(ce, 'equipo-control-escolar');

      await tec.goto('#/equipo');
      await tec.waitText('No jala las hojas');
      await audit.shot(tec, 'equipo');
      await tec.fill('Solución', 'Se limpió el rodillo');
      expect((await tec.clickFor('Marcar resuelto', /\/resolve$/)).status()).toBe(200);
      await tec.waitText('Se limpió el rodillo');
      expect(await tec.text('table')).toMatch(/En operación/);
      await tec.close();
      await ce.close();
    });

    it('on-site school prints (preview, run, PDF); central corrects a card; the public page shows it', async () => {
      const sitio = await as('sitio');
      await sitio.link('Impresión');
      const preview = await sitio.clickFor('Ver muestra (sin validez)', /\/print-runs\/preview$/);
      expect(preview.status()).toBe(200);
      expect(preview.headers()['content-type']).toContain('application/pdf');
      // Issuing cards is irreversible: the first click only asks for confirmation.
      const runs: string[] = [];
      sitio.page.on('request', (r) => /\/print-runs$/.test(r.url()) && r.method() === 'POST' && runs.push(r.url()));
      await sitio.click('Generar corrida (marca las credenciales como expedidas)');
      await sitio.waitText('Esto no se puede deshacer');
      expect(runs).toEqual([]);
      await sitio.click('Cancelar');
      expect(await sitio.page.$('::-p-aria(Confirmar: generar la corrida)')).toBeNull();
      await sitio.click('Generar corrida (marca las credenciales como expedidas)');
      const run = await sitio.clickFor('Confirmar: generar la corrida', /\/print-runs$/);
      expect(run.status()).toBe(201);
      expect(runs.length).toBe(1);
      const body = (await run.json()) as { id: number; cards: number; voided: number; firstFolio: string };
      expect(body).toMatchObject({ cards: 10, voided: 6 });
      await sitio.waitText(`Corrida ${body.id}: 10 credencial(es) en 2 planilla(s), 6 espacio(s) cancelado(s)`);
      // The list of runs below shows the new one at once (it said «Sin registros.» until a reload).
      await sitio.page.waitForFunction(
        (id) => Array.from(document.querySelectorAll('table')).some((t) => t.caption?.textContent === 'Corridas de impresión' && t.tBodies[0]?.rows[0]?.cells[0]?.textContent?.startsWith(`${id} ·`)),
        {},
        body.id,
      );
      await audit.shot(sitio, 'impresion');
      // The printing manual is linked from the print page and downloads without the session's token.
      const manual = await sitio.page.$eval('::-p-aria(Manual para la impresión y el enmicado de credenciales (PDF))', (a) => (a as HTMLAnchorElement).href);
      const manualRes = await fetch(manual);
      expect([manualRes.status, manualRes.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      const pdf = await sitio.clickFor(`Descargar planillas de la corrida ${body.id}`, /\/print-runs\/\d+\/pdf$/, 'GET');
      expect(pdf.status()).toBe(200);
      await sitio.waitText('PDF listo');
      await sitio.close();

      const central = await as('central');
      await central.link('Folios y correcciones');
      await central.fill('Folio', body.firstFolio);
      await central.click('Buscar');
      await central.waitText('Bitácora del folio');
      expect(await central.text('[data-testid="folio-estado"]')).toBe('EXPEDIDA');
      await central.fill('Motivo de la corrección (10 a 500 caracteres)', 'Impresión de prueba marcada por error');
      expect((await central.clickFor('Anular por corrección', /\/correction$/)).status()).toBe(200);
      await central.waitText('Corrección (desmarcada)');
      expect(await central.text('[data-testid="folio-estado"]')).toBe('ANULADA');
      await audit.shot(central, 'folio-correccion');
      await central.close();

      const [card] = await sys.t.db.orm.em.fork().execute<{ qr_payload: string }[]>(`select qr_payload from credential where folio = ?`, [body.firstFolio]);
      const pub = await WebUser.open(sys.browser, sys.t.baseUrl);
      await pub.page.setViewport(viewport);
      await pub.page.goto(`${sys.t.baseUrl}/verificar/${card.qr_payload}`, { waitUntil: 'domcontentloaded' });
      expect(await pub.text('body')).toMatch(/Verificación de credencial/);
      expect(await pub.text('body')).toMatch(/anulad/i);
      await audit.shot(pub, 'verificacion-publica');
      await pub.close();
    });

    it('the pages no journey walks (replacements, complaints, account, accounts, security): the same checks', async () => {
      const pages: Record<string, string[]> = {
        escuela: ['#/reposiciones', '#/quejas', '#/mi-cuenta', '#/soporte'],
        central: ['#/reposiciones', '#/quejas', '#/alumnos', '#/impresion'],
        admin: ['#/cuentas', '#/seguridad'],
      };
      for (const [key, hashes] of Object.entries(pages)) {
        const u = await as(key);
        for (const hash of hashes) {
          await u.goto(hash);
          // Pages that poll never go idle for long: settle for a quiet moment, whatever comes first.
          await u.page.waitForNetworkIdle({ idleTime: 300, timeout: 5_000 }).catch(() => undefined);
          await audit.check(u, `${key} ${hash}`);
        }
        expect(u.errors).toEqual([]);
        await u.close();
      }
    });

    it('has no moderate, serious or critical accessibility violations, and on a phone no page scrolls sideways', () => {
      audit.expectClean(27);
    });
  });
}
