import type { FileChooser } from 'puppeteer-core';
import { School, Student } from '../../../src/catalog/entities';
import type { TestApp, TestUser } from '../../support/app';
import { pdfDocument, pngPhoto } from '../../support/files';
import { PageAudit, Screen, startWebSystem, WebSystem } from './suite';
import { WebUser, writeFixture } from './web';

const CYCLE = '2026-2027';
const fullName = (s: Student) => [s.primerApellido, s.segundoApellido, s.nombres].filter(Boolean).join(' ');

/**
 * The procedures walked by clicking in a real Chromium against the real system (API, PostgreSQL,
 * Temporal server and worker): Procedure 1 from the school's oficio through a return for correction
 * down to the acuse, Procedure 2 through supply fulfilment by Recursos Materiales, and a school that
 * tries to open another school's request. Every user works on `screen` (the desktop run also sweeps
 * every role's pages at 1280 and 390 px).
 */
export function procedureJourneys(screen: Screen): void {
  describe(`Web interface: procedures end to end, ${screen.width} px`, () => {
    let sys: WebSystem;
    let t: TestApp;
    let fixtures: string;
    let small: School;
    let onSite: School;
    let withoutPhoto: Student;
    const users: Record<string, TestUser> = {};
    const checks = new PageAudit(screen);
    let p1Id = 0;

    beforeAll(async () => {
      sys = await startWebSystem({ worker: true });
      ({ t, fixtures } = sys);
      await t.db.orm.em
        .fork()
        .execute(`insert into school_cycle (code, starts_on, ends_on, is_current) values (?, '2026-08-24', '2027-07-09', true) on conflict do nothing`, [CYCLE]);
      small = await t.createSchool({ drse: 'VALLES', matricula: 120 });
      onSite = await t.createSchool({ drse: 'VALLES', matricula: 700, cct: '14EPR0700P' });
      for (let i = 0; i < 3; i++) await t.createStudent(small, { primerIngreso: true });
      for (let i = 0; i < 2; i++) await t.createStudent(small, { primerIngreso: false });
      withoutPhoto = await t.createStudent(small, { primerIngreso: true, withPhoto: false });
      const other = await t.createSchool({ drse: 'VALLES', matricula: 90 });
      users.escuela = await t.createUser({ role: 'ESCUELA', schoolId: small.id, username: 'escuela-p1' });
      users.otra = await t.createUser({ role: 'ESCUELA', schoolId: other.id, username: 'escuela-otra' });
      users.sitio = await t.createUser({ role: 'ESCUELA', schoolId: onSite.id, username: 'escuela-p2' });
      users.planeacion = await t.createUser({ role: 'DRSE_PLANEACION', drse: 'VALLES', username: 'planeacion-web' });
      users.ce = await t.createUser({ role: 'DRSE_CONTROL_ESCOLAR', drse: 'VALLES', username: 'control-escolar-web' });
      users.tec = await t.createUser({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES', username: 'tecnologias-web' });
      users.central = await t.createUser({ role: 'CONTROL_ESCOLAR_CENTRAL', username: 'central-web' });
      users.rm = await t.createUser({ role: 'RECURSOS_MATERIALES', username: 'recursos-web' });
    });

    afterAll(() => sys?.close());

    const as = (key: string): Promise<WebUser> => sys.as(users[key], screen);
    const audit = (u: WebUser, name: string, scrollTo?: string): Promise<void> => checks.shot(u, name, scrollTo);

    /** Reloads the request page until its public status shows `label` (the workflow runs on its own). */
    async function waitEstado(u: WebUser, id: number, label: string, action?: string): Promise<void> {
      for (let i = 0; i < 60; i++) {
        await u.goto(`#/solicitudes/${id}`);
        await u.page.waitForSelector('[data-testid="estado"]');
        if ((await u.text('[data-testid="estado"]')).includes(label) && (!action || (await u.page.$(`::-p-aria(${action})`)))) return;
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`La solicitud ${id} no llegó a «${label}»: ${await u.text('[data-testid="estado"]')}`);
    }

    /**
     * The diagram for people: an ordered list of steps with the current one marked, every step titled
     * in Spanish, and none of the chart's internals (state ids, events, guards, role codes, English).
     */
    async function expectStepper(u: WebUser, currentTitle: string): Promise<void> {
      await u.page.waitForSelector('.stepper [aria-current="step"]');
      expect(await u.page.$$eval('[aria-current="step"]', (els) => els.map((e) => e.querySelector('.step-title')?.textContent))).toEqual([currentTitle]);
      expect(await u.page.$$eval('.stepper li', (els) => els.filter((li) => !li.querySelector('.step-title')?.textContent?.trim()).length)).toBe(0);
      expect(await u.page.$('.diagram svg')).toBeNull();
      const text = await u.text('.diagram');
      expect(text).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/); // state ids, activities, guards (camelCase)
      expect(text).not.toMatch(/\b(?!DRSE\b)[A-Z]{2,}(_[A-Z]+)*\b/); // event names, role codes, statuses (DRSE is what people say)
      expect(text).not.toMatch(/\b(SLA|days?|Tarea|Automático:|stateDiagram|-->)\b|\[/);
    }

    /** The accessible name of the focused element as the tests name controls ('BODY' when focus fell to the page). */
    async function focused(u: WebUser): Promise<string> {
      return u.page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return 'BODY';
        const label = (e as HTMLInputElement).labels?.[0]?.textContent ?? '';
        return (label || e.getAttribute('aria-label') || e.textContent || '').trim();
      });
    }

    /** Presses Tab until the focused control's name matches (keyboard-only navigation). */
    async function tabTo(u: WebUser, name: RegExp): Promise<void> {
      for (let i = 0; i < 150; i++) {
        await u.page.keyboard.press('Tab');
        if (name.test(await focused(u))) return;
      }
      throw new Error(`Tab never reached ${name}; focus on «${await focused(u)}»`);
    }

    /** Clicks a decision button, writes the comment if given, confirms; the API must accept it. */
    async function decide(u: WebUser, etiqueta: string, comment?: string): Promise<void> {
      await u.click(etiqueta);
      if (comment) await u.fill('Comentario (obligatorio)', comment);
      // As the page words it (web/src/pages/request-detail.ts confirmText): never «Confirmar: Confirmar…».
      const confirm = /^Confirmar\b/.test(etiqueta) ? `Sí, ${etiqueta[0].toLowerCase()}${etiqueta.slice(1)}` : `Confirmar: ${etiqueta}`;
      const res = await u.clickFor(confirm, /\/requests\/\d+\/(decisions|withdraw)$/);
      if (res.status() !== 200) throw new Error(`${etiqueta} → ${res.status()} ${await res.text()}`);
      await u.waitText(`Hecho: ${etiqueta}`);
    }

    it('Procedure 1: oficio, return for correction, resubmission, validation with the automatic checks, production, delivery and acuse', async () => {
      // Tecnologías records the DRSE's initial kit in its stock (the reservation needs it).
      const tec = await as('tec');
      await tec.link('Existencias');
      for (const [item, qty] of [['TESLIN', '80'], ['MICA', '50'], [`HOLOGRAMA:${CYCLE}`, '50'], ['TINTA', '50']]) {
        await tec.choose('Artículo', item);
        await tec.fill('Cantidad (positiva suma, negativa resta; en la unidad del artículo)', qty);
        await tec.fill('Motivo', 'Kit inicial de la DRSE');
        expect((await tec.clickFor('Registrar ajuste', /\/adjustments$/)).status()).toBe(201);
        await tec.waitText('Movimiento en el tiempo');
      }

      // The school files the oficio with every student (one has no photo yet).
      const school = await as('escuela');
      await school.link('Nuevo oficio');
      await school.waitText('Lo que el sistema pedirá');
      await school.upload('Oficio escaneado con firma y sello (PDF)', await writeFixture(fixtures, 'oficio.pdf', pdfDocument('Oficio P1')));
      expect(await school.text('.summary')).toContain('4 credencial(es) nueva(s)');
      expect(await school.text('.summary')).toContain('sin fotografía');
      await audit(school, 'nuevo-oficio');
      const filed = await school.clickFor('Enviar el oficio', /\/requests$/);
      expect(filed.status()).toBe(201);
      p1Id = ((await filed.json()) as { id: number }).id;
      await waitEstado(school, p1Id, 'En revisión de Planeación', 'Retirar la solicitud');

      // Planeación finds it in its inbox and returns it for correction, with a comment.
      const plan = await as('planeacion');
      await plan.waitText(`#${p1Id}`);
      await audit(plan, 'bandeja');
      await plan.link('Revisar el oficio de la escuela');
      await expectStepper(plan, 'Revisar el oficio de la escuela');
      expect(await plan.text('[data-testid="escuela"]')).toMatch(/· DRSE \S/); // the DRSE by its name, not its code
      expect(await plan.text('[data-testid="escuela"]')).not.toMatch(/DRSE (DRSE|VALLES)/);
      expect(await plan.text('.diagram')).toMatch(/Planeación de la DRSE · plazo 3 días/);
      await audit(plan, 'solicitud-revision');
      await plan.page.$eval('.diagram', (e) => e.closest('section')!.scrollIntoView({ block: 'start' }));
      if (!screen.phone) await plan.screenshot('diagrama');
      // On a phone the steps are one readable column, with nothing wider than the screen.
      await plan.page.setViewport({ width: 390, height: 800 });
      await plan.page.$eval('.diagram', (e) => e.scrollIntoView({ block: 'start' }));
      if (!screen.phone) await plan.screenshot('diagrama-telefono');
      const phone = await plan.page.$eval('.stepper', (ol) => {
        const items = Array.from(ol.querySelectorAll('li'));
        return {
          lefts: new Set(items.map((li) => Math.round(li.getBoundingClientRect().left))).size,
          fontPx: Math.min(...items.map((li) => parseFloat(getComputedStyle(li.querySelector('.step-title')!).fontSize))),
          overflow: ol.scrollWidth - ol.clientWidth,
          right: Math.max(...items.map((li) => li.getBoundingClientRect().right)),
        };
      });
      expect(phone).toEqual({ lefts: 1, fontPx: expect.any(Number), overflow: 0, right: expect.any(Number) });
      expect(phone.fontPx).toBeGreaterThanOrEqual(14);
      expect(phone.right).toBeLessThanOrEqual(390);
      // At 360 px nothing scrolls sideways: this page, the inbox (tables become cards) and the filters.
      await plan.page.setViewport({ width: 360, height: 800 });
      for (const hash of [`#/solicitudes/${p1Id}`, '#/', '#/solicitudes']) {
        await plan.goto(hash);
        await plan.page.waitForSelector(hash === '#/' ? 'table.inbox' : hash.includes('/solicitudes/') ? '.stepper' : 'table');
        expect({ hash, width: await plan.page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ hash, width: 360 });
      }
      // Dates read as in Jalisco whatever the device's zone (the acuse PDF uses the same).
      await plan.page.emulateTimezone('Asia/Tokyo');
      // A string, so the test compiler does not turn import() into require().
      const day = (await plan.page.evaluate(`import('/app/js/dom.js').then((m) => m.fmtDay('2026-11-29T03:00:00Z'))`)) as string;
      expect(day).toMatch(/^28 nov/);
      await plan.page.emulateTimezone('UTC');
      await plan.page.setViewport({ width: screen.width, height: screen.height });
      await plan.goto(`#/solicitudes/${p1Id}`);
      const sent: string[] = [];
      plan.page.on('request', (r) => /decisions$/.test(r.url()) && sent.push(r.url()));
      await plan.click('Devolver a la escuela para corrección');
      await plan.click('Confirmar: Devolver a la escuela para corrección');
      await plan.waitText('Escriba un comentario'); // the empty required comment is refused in the page
      expect(await plan.text('[role="alert"]')).toContain('Comentario: El comentario es obligatorio.'); // the field as people call it
      expect(sent).toEqual([]);
      await plan.fill('Comentario (obligatorio)', 'Falta el sello de la dirección; un alumno no tiene fotografía.');
      expect((await plan.clickFor('Confirmar: Devolver a la escuela para corrección', /decisions$/)).status()).toBe(200);

      // The school's open page follows Planeación's decision by itself (no reload).
      const loads: string[] = [];
      school.page.on('framenavigated', (f) => f === school.page.mainFrame() && loads.push(f.url()));
      await school.waitText('Devuelta a la escuela', '[data-testid="estado"]');
      await school.waitText('La solicitud cambió');
      expect(loads).toEqual([]);

      // The school corrects the lists (leaves out the student without photo) and resubmits.
      await waitEstado(school, p1Id, 'Devuelta a la escuela');
      expect(await school.text('.timeline')).toContain('Falta el sello de la dirección');
      // The reason is next to the correction, in «Qué puede hacer ahora», which comes first.
      expect(await school.text('.now [data-testid="motivo-devolucion"]')).toContain('Falta el sello de la dirección');
      expect(await school.page.$eval('.request-top', (e) => e.firstElementChild!.querySelector('h2')!.textContent)).toBe('Qué puede hacer ahora');
      await school.page.waitForSelector('[data-testid="doc-oficio"]');
      expect(await school.text('[data-testid="doc-oficio"]')).toContain('versión 1');
      // Unticking a student and resubmitting with a new PDF in the same form: the list is saved, the new oficio uploaded.
      await (await school.control(`${fullName(withoutPhoto)} · ${withoutPhoto.curp} — sin fotografía`, 'checkbox')).click();
      const corrected = pdfDocument('Oficio P1 con sello');
      await school.click('Reenviar el oficio corregido');
      await school.upload('Oficio corregido (PDF, opcional)', await writeFixture(fixtures, 'oficio-sellado.pdf', corrected));
      const writes: string[] = [];
      school.page.on('response', (r) => /\/requests\/\d+\/(students|oficio|decisions)$/.test(r.url()) && writes.push(`${r.request().method()} ${r.url().replace(/.*\/requests\/\d+\//, '')} ${r.status()}`));
      expect((await school.clickFor('Confirmar: Reenviar el oficio corregido', /decisions$/)).status()).toBe(200);
      expect(writes).toEqual(['PUT students 200', 'PUT oficio 200', 'POST decisions 200']);
      await waitEstado(school, p1Id, 'En revisión de Planeación');

      // Planeación sees that the oficio changed and downloads the corrected file.
      await plan.goto(`#/solicitudes/${p1Id}`);
      await plan.page.waitForSelector('[data-testid="doc-oficio"]');
      expect(await plan.text('[data-testid="doc-oficio"]')).toContain('versión 2 (corregido)');
      expect((await plan.clickFor('Descargar Oficio escaneado', /\/oficio$/, 'GET')).status()).toBe(200);
      const planApi = await t.login(users.planeacion.username, users.planeacion.password);
      const served = await t.http('GET', `/requests/${p1Id}/oficio`, { token: planApi.accessToken });
      expect(Buffer.compare(served.body as Buffer, corrected)).toBe(0); // the file Planeación gets is the corrected one

      // Planeación accepts; the automatic procedencia check runs; Control Escolar validates.
      await decide(plan, 'Aceptar el oficio');
      const ce = await as('ce');
      await waitEstado(ce, p1Id, 'En validación', 'Validar: procede completa');
      const checks = await ce.text('[data-testid="verificacion"]');
      expect(checks).toContain('Credencial nueva: 3 de 3');
      expect(checks).toContain('Solo holograma: 2 de 2');
      expect(checks).toContain('matrícula de la escuela: 120');
      await audit(ce, 'validacion');
      await decide(ce, 'Validar: procede completa');

      // Material reserved and planillas generated automatically; Control Escolar prints and delivers.
      await waitEstado(ce, p1Id, 'En producción', 'Confirmar impresión, enmicado y hologramas');
      // The sheets name their print run, and the print runs list links back to this request.
      const runText = await ce.text('[data-testid="doc-planillas"]');
      expect(runText).toMatch(/corrida de impresión \d+/);
      await ce.link(runText.match(/corrida de impresión \d+/)![0]);
      await ce.waitText('Corridas de impresión');
      await ce.link(`Solicitud #${p1Id}`);
      await ce.page.waitForSelector('[data-testid="doc-planillas"]');
      expect(await ce.h1()).toContain(`${p1Id}`);
      const planillas = await ce.clickFor('Descargar Planillas de credenciales', /pdf/, 'GET');
      expect(planillas.status()).toBe(200);
      expect(planillas.headers()['content-type']).toContain('application/pdf');
      await decide(ce, 'Confirmar impresión, enmicado y hologramas');
      await waitEstado(ce, p1Id, 'Lista para entrega');
      await decide(ce, 'Registrar la entrega a la escuela');
      // Delivered on paper; the procedure ends when Control Escolar uploads the signed and sealed acuse.
      await waitEstado(ce, p1Id, 'Esperando el acuse firmado', 'Subir el acuse firmado');
      const acuse = await ce.clickFor('Descargar Acuse de recibido', /pdf/, 'GET');
      expect(acuse.status()).toBe(200);
      expect(acuse.headers()['content-type']).toContain('application/pdf');
      await ce.click('Subir el acuse firmado');
      await ce.upload(/^Acuse de entrega firmado y sellado/, await writeFixture(fixtures, 'acuse.png', pngPhoto(2)));
      expect((await ce.clickFor('Subir el acuse firmado y concluir la entrega', /signed-acuse$/)).status()).toBe(200);
      await ce.waitText('Acuse firmado guardado');
      await waitEstado(ce, p1Id, 'Entregada');
      const timeline = await ce.text('.timeline');
      for (const step of ['Devolver para corrección', 'Reenviar corregido', 'Aceptar el oficio', 'Validar (procede)', 'Confirmar impresión y enmicado', 'Registrar la entrega', 'Acuse registrado', 'Acuse firmado y sellado recibido']) {
        expect(timeline).toContain(step);
      }
      // People by user name and role, never an id; automatic steps as the system.
      expect(timeline).toContain(`${users.ce.username} · DRSE · Control Escolar`);
      expect(timeline).toContain('Sistema (paso automático)');
      expect(timeline).not.toMatch(/usuario [0-9a-f]{6,}|[A-Z]{3,}_[A-Z_]+/);
      // The signed acuse is marked, and no longer offered for upload.
      await ce.goto(`#/solicitudes/${p1Id}`);
      await ce.waitText('Copia firmada adjunta');
      expect(await ce.page.$('button[aria-label^="Subir acuse firmado"]')).toBeNull();
      await audit(ce, 'solicitud-entregada', '.timeline');
      // The diagram shows the path taken (the return for correction included) and the end reached.
      await expectStepper(ce, 'Entregada');
      const done = await ce.page.$$eval('.stepper li.done .step-title', (els) => els.map((e) => e.textContent));
      expect(done).toEqual(expect.arrayContaining(['Revisar el oficio de la escuela', 'Corregir y reenviar el oficio', 'El sistema verifica qué alumnos proceden', 'Entregar credenciales y hologramas a la escuela']));
      expect(done).not.toContain('Espera el abastecimiento de material');
      expect(await ce.text('.diagram')).toContain('Trámite concluido: Entregada');
      expect(await ce.text('.diagram')).toContain('Otros finales posibles: Rechazada · Retirada por la escuela');

      // The school sees it delivered; a new oficio does not ask again for those who already hold this cycle's card or hologram.
      await waitEstado(school, p1Id, 'Entregada');
      await school.link('Nuevo oficio');
      await school.waitText('Lo que el sistema pedirá');
      expect(await school.text('.summary')).toContain('1 credencial(es) nueva(s)'); // only the student left out for lack of photo
      expect(await school.text('.summary')).toContain('0 holograma(s) del ciclo');
      // Those holding a card in force are listed for the hologram only, with their card, and already have this cycle's.
      expect(await school.text('.picker')).toMatch(/credencial vigente \(folio [^,]+, ciclo \d{4}-\d{4}\) — ya tiene el holograma del ciclo/);

      // Keyboard only: the school files this Procedure 1 and then withdraws it; focus stays where the work is.
      // The page re-renders as the workflow moves on; a key pressed just then can land on the new page's
      // heading, so reaching the control and pressing Space is tried again (still only the keyboard).
      let chooser: FileChooser | undefined;
      for (let attempt = 0; !chooser && attempt < 3; attempt++) {
        await tabTo(school, /^Oficio escaneado con firma y sello/);
        [chooser] = await Promise.all([school.page.waitForFileChooser({ timeout: 10_000 }).catch(() => undefined), school.page.keyboard.press('Space')]);
      }
      if (!chooser) throw new Error('Space on the focused file control never opened the file chooser');
      await chooser.accept([await writeFixture(fixtures, 'oficio-teclado.pdf', pdfDocument('Oficio por teclado'))]);
      expect(await focused(school)).toMatch(/^Oficio escaneado con firma y sello/); // choosing the file keeps focus on its control
      await tabTo(school, /^Enviar el oficio$/);
      const [byKeyboard] = await Promise.all([
        school.page.waitForResponse((r) => /\/requests$/.test(r.url()) && r.request().method() === 'POST'),
        school.page.keyboard.press('Enter'),
      ]);
      expect(byKeyboard.status()).toBe(201);
      const keyboardId = ((await byKeyboard.json()) as { id: number }).id;
      await school.page.waitForSelector('[data-testid="estado"]');
      await school.page.waitForFunction(() => document.activeElement === document.querySelector('main h1')); // the new page's heading
      await school.page.waitForSelector('::-p-aria(Retirar la solicitud)', { timeout: 60_000 }); // the page follows the workflow by itself
      expect(await focused(school)).not.toBe('BODY'); // a live re-rendering keeps focus
      await tabTo(school, /^Retirar la solicitud$/);
      await school.page.keyboard.press('Enter');
      expect(await focused(school)).toBe('Comentario (opcional)'); // the decision form takes focus
      await school.page.keyboard.type('Presentado por error.');
      await tabTo(school, /^Confirmar: Retirar la solicitud$/);
      const [withdrawn] = await Promise.all([school.page.waitForResponse((r) => r.url().endsWith(`/requests/${keyboardId}/withdraw`)), school.page.keyboard.press('Enter')]);
      expect(withdrawn.status()).toBe(200);
      await school.waitText('Hecho: Retirar la solicitud');
      expect(await focused(school)).toBe('Hecho: Retirar la solicitud.'); // not the page body
      await tec.goto('#/inventario');
      await tec.waitText('Existencias por artículo');
      expect(await tec.text('table')).toMatch(/Micas\s+47/);
      await Promise.all([tec.close(), school.close(), plan.close(), ce.close()]);
    });

    it('a school cannot open another school’s request page', async () => {
      expect(p1Id).toBeGreaterThan(0);
      const other = await as('otra');
      await other.goto(`#/solicitudes/${p1Id}`);
      expect(await other.h1()).toBe('Solicitud no encontrada');
      expect(await other.text('[role="alert"]')).toContain(`La solicitud #${p1Id} no existe o no está en su ámbito`);
      expect(await other.text()).not.toContain(small.name);
      await other.close();
    });

    it('Procedure 2: material for an on-site school, short DRSE stock, supply fulfilled by Recursos Materiales, delivery', async () => {
      const rmApi = await t.login(users.rm.username, users.rm.password);
      const holders = await t.http('GET', '/inventory/holders?kind=CENTRAL', { token: rmApi.accessToken });
      const receipt = await t.http('POST', `/inventory/holders/${holders.body.items[0].id}/receipts`, {
        token: rmApi.accessToken,
        json: { lines: [{ item: 'TESLIN', quantity: 800 }, { item: 'MICA', quantity: 500 }, { item: `HOLOGRAMA:${CYCLE}`, quantity: 500 }], reason: 'Compra anual' },
      });
      expect(receipt.status).toBe(201);

      const school = await as('sitio');
      await school.link('Nuevo oficio');
      await school.upload('Oficio escaneado con firma y sello (PDF)', await writeFixture(fixtures, 'oficio-p2.pdf', pdfDocument('Oficio P2')));
      await school.fill('Hojas de Teslin (8 credenciales por hoja)', '10');
      await school.fill('Micas', '80');
      await school.fill('Hologramas del ciclo', '80');
      // The equipment the school lacks goes with the oficio (ink sets stay at 0 here: the DRSE has none).
      await school.click('Agregar un equipo que se necesita');
      await school.fill('Para qué o qué falla (equipo 1)', 'No imprime a doble cara.');
      await school.fill('Justificación del uso del material anterior', 'Primer pedido del ciclo para imprimir en la escuela.');
      const filed = await school.clickFor('Enviar el oficio', /\/requests$/);
      expect(filed.status()).toBe(201);
      const id = ((await filed.json()) as { id: number }).id;

      const plan = await as('planeacion');
      await waitEstado(plan, id, 'En revisión de Planeación');
      await decide(plan, 'Devolver a la escuela para corrección', 'Ajuste los hologramas a las micas.');
      // The school's correction form starts from what it asked for; no JSON anywhere on the page.
      await waitEstado(school, id, 'Devuelta a la escuela');
      const asked = await school.page.$$eval('.correction input[type="number"]', (els) => els.map((e) => (e as HTMLInputElement).value));
      expect(asked).toEqual(['10', '80', '80', '0']);
      expect(await school.text()).toContain('Impresora: 1 — No imprime a doble cara.');
      expect(await school.text('.card table')).toMatch(/Hojas de Teslin \(8 credenciales por hoja\)\s+10/);
      expect(await school.text()).not.toMatch(/[{}"]|teslinSheets|solicitado:/);
      await school.fill('Hologramas', '72');
      await decide(school, 'Reenviar el oficio corregido');
      await waitEstado(plan, id, 'En revisión de Planeación');
      expect(await plan.text()).not.toMatch(/[{}"]|teslinSheets/);
      expect(await plan.text('.card table')).toMatch(/Hologramas\s+72/);
      await decide(plan, 'Aceptar el oficio');
      const ce = await as('ce');
      await waitEstado(ce, id, 'En validación', 'Validar: procede completa');
      await decide(ce, 'Validar: procede completa');

      // The DRSE has no stock for it: the procedure waits on a supply ticket.
      await waitEstado(ce, id, 'Esperando material');
      // Central review of the supply request (its own procedure), from the central inbox.
      const central = await as('central');
      await central.waitText('Revisar la solicitud de abastecimiento');
      await central.link('Revisar la solicitud de abastecimiento');
      await expectStepper(central, 'Revisar la solicitud de abastecimiento');
      expect(await central.text('.diagram')).toContain('Control Escolar central · plazo 3 días');
      await audit(central, 'abastecimiento-revision-central');
      await decide(central, 'Aprobar el abastecimiento');
      // Recursos Materiales fulfils it from its ticket queue.
      const rm = await as('rm');
      await rm.link('Abastecimiento');
      await rm.waitText('Solicitud #');
      await rm.page.waitForSelector('table a[href^="#/abastecimiento/"]');
      await rm.link(await rm.page.$eval('table a[href^="#/abastecimiento/"]', (a) => a.textContent!));
      await rm.waitText('Registrar un envío');
      expect((await rm.clickFor('Registrar envío', /\/shipments$/)).status()).toBe(201);
      await rm.waitText('Envío 1');

      const tec = await as('tec');
      await tec.link('Abastecimiento');
      await tec.page.waitForSelector('table a[href^="#/abastecimiento/"]');
      await tec.link(await tec.page.$eval('table a[href^="#/abastecimiento/"]', (a) => a.textContent!));
      expect((await tec.clickFor('Confirmar la recepción del envío 1', /\/receipt$/)).status()).toBe(200);

      // Supply fulfilled: the procedure resumes; Tecnologías delivers the material to the school.
      await waitEstado(tec, id, 'Lista para entrega');
      await decide(tec, 'Registrar la entrega a la escuela');
      // Tecnologías collected the school's signature: it uploads the signed acuse and only then is it delivered.
      await waitEstado(tec, id, 'Esperando el acuse firmado', 'Subir el acuse firmado');
      await tec.click('Subir el acuse firmado');
      await tec.upload(/^Acuse de entrega firmado y sellado/, await writeFixture(fixtures, 'acuse-material.png', pngPhoto(3)));
      expect((await tec.clickFor('Subir el acuse firmado y concluir la entrega', /signed-acuse$/)).status()).toBe(200);
      await waitEstado(tec, id, 'Entregada');
      await waitEstado(school, id, 'Entregada');
      await school.link('Material');
      await school.waitText('Existencias por artículo');
      expect(await school.text('table')).toMatch(/Micas\s+80/);
      await audit(school, 'material-escuela');
      await Promise.all([school.close(), plan.close(), ce.close(), rm.close(), tec.close(), central.close()]);
    });

    // The sweep of every role's pages at both widths runs once, with the desktop journeys.
    if (!screen.phone) it('every role at 1280 px and at a 390 px phone: nothing scrolls sideways, «Qué puede hacer ahora» within the first screen, no JSON or codes', async () => {
      expect(p1Id).toBeGreaterThan(0);
      const pages: Record<string, string[]> = {
        escuela: ['#/', '#/solicitudes', `#/solicitudes/${p1Id}`, '#/nueva-solicitud', '#/alumnos', '#/acuses'],
        sitio: ['#/', '#/solicitudes', '#/impresion', '#/inventario'],
        planeacion: ['#/', '#/solicitudes', `#/solicitudes/${p1Id}`, '#/oficio-sin-internet'],
        ce: ['#/', '#/solicitudes', `#/solicitudes/${p1Id}`, '#/impresion', '#/acuses'],
        tec: ['#/', '#/inventario', '#/abastecimiento', '#/equipo'],
        rm: ['#/', '#/abastecimiento', '#/inventario'],
        central: ['#/', '#/solicitudes', `#/solicitudes/${p1Id}`, '#/folios', '#/abastecimiento'],
      };
      // The students CSV's column names are what the school types in its file: shown on purpose.
      const CSV_COLUMNS = ['PRIMER_APELLIDO', 'SEGUNDO_APELLIDO', 'PRIMER_INGRESO'];
      for (const [key, hashes] of Object.entries(pages)) {
        const u = await as(key);
        for (const width of [1280, 390]) {
          await u.page.setViewport({ width, height: 800 });
          for (const hash of hashes) {
            await u.goto(hash).catch((err: Error) => {
              throw new Error(`${key} ${hash} at ${width} px: ${err.message}`);
            });
            // Pages that poll never go idle for long: settle for a quiet moment, whatever comes first.
            await u.page.waitForNetworkIdle({ idleTime: 300, timeout: 5_000 }).catch(() => undefined);
            const seen = await u.page.evaluate(() => ({
              width: document.documentElement.scrollWidth,
              text: document.body.innerText,
              now: document.querySelector('.now')?.getBoundingClientRect().top ?? null,
            }));
            expect({ key, hash, width: seen.width }).toEqual({ key, hash, width });
            expect({ key, hash, json: /[{[]\s*"\w+"\s*:/.test(seen.text) }).toEqual({ key, hash, json: false });
            const codes = (seen.text.match(/\b[A-Z]{3,}_[A-Z_]{3,}\b/g) ?? []).filter((c) => !CSV_COLUMNS.includes(c));
            expect({ key, hash, codes }).toEqual({ key, hash, codes: [] });
            // On a phone what the user can do comes before everything else of the request (the issue found it ~1,350 px down).
            if (width === 390 && seen.now !== null) expect({ key, hash, top: seen.now < 800 }).toEqual({ key, hash, top: true });
          }
        }
        await u.close();
      }
    });

    it('has no moderate, serious or critical accessibility violations, and on a phone no page scrolls sideways', () => {
      checks.expectClean(6);
    });
  });
}
