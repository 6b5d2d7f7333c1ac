import { startTestApp, TestApp } from '../../support/app';
import { pdfTools } from './production-fixtures';

/** Issue 11 item 9: the printing and lamination manual is downloadable inside the system, rendered by the project's own renderer. */
describe('GET /manual/impresion.pdf', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('downloads without a session as a PDF rendered from docs/manual-impresion.md', async () => {
    const res = await t.http('GET', '/manual/impresion.pdf');
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="manual-impresion-credenciales.pdf"');
    const { pages, text } = pdfTools(res.body as Buffer);
    expect(pages).toBeGreaterThanOrEqual(2);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Manual para la impresión y el enmicado de credenciales');
    expect(flat).toContain('obligatoriamente por planillas de 8 credenciales');
    expect(flat).not.toMatch(/\*\*|<strong>/);
  });
});
