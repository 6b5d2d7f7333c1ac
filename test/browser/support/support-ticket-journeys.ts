import type { School } from '../../../src/catalog/entities';
import type { TestUser } from '../../support/app';
import { PageAudit, Screen, startWebSystem, WebSystem } from './suite';
import type { WebUser } from './web';

/**
 * «Soporte» in a real Chromium against the real system, every user on `screen`: a school opens a
 * ticket from «Ayuda», its DRSE's Tecnologías derives it to DGTI, DGTI finds it in its inbox and
 * resolves it, the school confirms and the ticket is closed. axe-core on the pages (and on a phone,
 * no page wider than the screen).
 */
export function supportTicketJourneys(screen: Screen): void {
  describe(`Web interface: support tickets, ${screen.width} px`, () => {
    let sys: WebSystem;
    let school: School;
    const users: Record<string, TestUser> = {};
    const audit = new PageAudit(screen);

    beforeAll(async () => {
      sys = await startWebSystem({ worker: true });
      school = await sys.t.createSchool({ drse: 'VALLES', matricula: 200 });
      users.escuela = await sys.t.createUser({ role: 'ESCUELA', schoolId: school.id, username: 'escuela-soporte' });
      users.tec = await sys.t.createUser({ role: 'DRSE_TECNOLOGIAS', drse: 'VALLES', username: 'tecnologias-soporte' });
      users.dgti = await sys.t.createUser({ role: 'DGTI', username: 'dgti-soporte' });
    });

    afterAll(() => sys?.close());

    const as = (key: string): Promise<WebUser> => sys.as(users[key], screen);

    /** Reloads the page until `text` shows (the workflow moves the ticket asynchronously). */
    async function until(u: WebUser, hash: string, text: string): Promise<void> {
      for (let i = 0; ; i++) {
        await u.goto(hash);
        if ((await u.text()).includes(text)) return;
        if (i > 40) throw new Error(`«${text}» never showed on ${hash}; page says:\n${(await u.text()).slice(0, 1500)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }

    it('a school ticket derived to DGTI, resolved and confirmed through the pages', async () => {
      const school = await as('escuela');
      await school.goto('#/ayuda');
      await audit.check(school, 'ayuda');
      await school.link('abrir o consultar un ticket de soporte');
      expect(await school.h1()).toBe('Soporte');
      await school.choose('Tipo', 'SISTEMA');
      await school.fill('Descripción', 'El sistema no muestra la lista de alumnos del grupo 3B.');
      await school.clickFor('Abrir el ticket', /\/support-tickets$/);
      await school.page.waitForFunction(() => /^#\/soporte\/\d+$/.test(location.hash));
      const hash = await school.page.evaluate(() => location.hash);
      await school.waitText('El sistema no muestra la lista de alumnos del grupo 3B.');
      await audit.check(school, 'detalle');
      await school.goto('#/soporte');
      await school.waitText(hash.replace('#/soporte/', '#'));
      await audit.check(school, 'lista');

      const tec = await as('tec');
      await until(tec, hash, 'Derivar a la Dirección General de Tecnologías de la Información');
      await audit.check(tec, 'ticket-tecnologias');
      await tec.click('Derivar a la Dirección General de Tecnologías de la Información (explique por qué)');
      await tec.fill('Comentario (obligatorio)', 'El problema está en el servidor central.');
      await tec.clickFor('Confirmar: Derivar a la Dirección General de Tecnologías de la Información (explique por qué)', /\/decisions$/);
      await tec.waitText('Hecho:');

      const dgti = await as('dgti');
      await until(dgti, '#/', 'Ticket de soporte #');
      await audit.check(dgti, 'bandeja');
      const nav = await dgti.page.$$eval('nav a', (as) => as.map((a) => a.textContent?.replace(/\d+$/, '').trim()));
      expect(nav).toEqual(['Bandeja', 'Soporte', 'Equipo y fallas', 'Mi cuenta', 'Ayuda']);
      await until(dgti, hash, 'Resolver (describa la solución)');
      await audit.check(dgti, 'ticket-dgti');
      await dgti.click('Resolver (describa la solución)');
      await dgti.fill('Comentario (obligatorio)', 'Se reindexó la lista del grupo.');
      await dgti.clickFor('Confirmar: Resolver (describa la solución)', /\/decisions$/);
      await dgti.waitText('Hecho:');

      await until(school, hash, 'Confirmar la solución y cerrar el ticket');
      await school.click('Confirmar la solución y cerrar el ticket');
      await school.clickFor('Sí, confirmar la solución y cerrar el ticket', /\/decisions$/);
      await until(school, hash, 'El ticket está cerrado.');
      await audit.check(school, 'ticket-cerrado');
      const text = await school.text();
      expect(text).toContain('Derivado a la Dirección General de Tecnologías de la Información');
      expect(text).toContain('Se reindexó la lista del grupo.');
      expect(text).not.toMatch(/DERIVE_TO_DGTI|RESOLVE|CONFIRM|DRSE_TECNOLOGIAS|SUPPORT/);
      for (const u of [school, tec, dgti]) {
        expect(u.errors).toEqual([]);
        await u.close();
      }
    });

    it('has no moderate, serious or critical accessibility violations, and on a phone no page scrolls sideways', () => {
      audit.expectClean(7);
    });
  });
}
