import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError, DomainError } from '../../../src/common/domain-error';
import { AcuseService } from '../../../src/inventory/acuse.service';
import { StockService } from '../../../src/inventory/stock.service';
import { SupplyTicketService } from '../../../src/inventory/supply-ticket.service';
import { PdfRenderer } from '../../../src/rendering/pdf-renderer';
import { BlobStore } from '../../../src/storage/blob-store';
import { createTestDatabase, TestDatabase } from '../../support/db';
import { ADMIN, CENTRAL_STAFF, CONFIG, holders, seedCatalog, valleyIt } from './fixtures';

describe(AcuseService.name, () => {
  let db: TestDatabase;
  let sut: AcuseService;
  const dir = mkdtempSync(join(tmpdir(), 'sej-acuse-'));
  const renderer = new PdfRenderer({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', pages: 1 });
  const blobs = new BlobStore(join(dir, 'uploads'));
  let shipmentId: number;
  let schoolId: number;
  let vallesId: number;

  const pdfText = (pdf: Buffer, name: string) => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    return { info: execFileSync('pdfinfo', [file]).toString(), text: execFileSync('pdftotext', ['-layout', file, '-']).toString(), file };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ schoolId } = await seedCatalog(db));
    const { central, valles } = await holders(db);
    vallesId = valles.id;
    const stock = new StockService(db.orm.em, CONFIG);
    await stock.receive({ key: 'a-central', actor: CENTRAL_STAFF, holderId: central.id, lines: [{ item: 'TESLIN', quantity: 160 }, { item: 'MICA', quantity: 100 }, { item: 'TINTA', quantity: 100 }] });
    const tickets = new SupplyTicketService(db.orm.em, CONFIG);
    const t = await tickets.open({ key: 'a-open', actor: valleyIt, holderId: valles.id, lines: [{ item: 'TESLIN', quantity: 160 }, { item: 'MICA', quantity: 100 }, { item: 'TINTA', quantity: 50 }], justification: 'Abasto para la primera corrida del ciclo.' });
    await tickets.startReview({ key: 'a-rev', actor: CENTRAL_STAFF, ticketId: t.ticketId });
    await tickets.approve({ key: 'a-app', actor: CENTRAL_STAFF, ticketId: t.ticketId });
    ({ shipmentId } = await tickets.ship({ key: 'a-ship', actor: CENTRAL_STAFF, ticketId: t.ticketId, lines: [{ item: 'TESLIN', quantity: 160 }, { item: 'MICA', quantity: 100 }, { item: 'TINTA', quantity: 50 }] }));
    sut = new AcuseService(db.orm.em, renderer, blobs, CONFIG);
  });
  afterAll(async () => {
    await renderer.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders a shipment acuse: folio, parties, item lines, signature space and a QR of the folio', async () => {
    const acuse = await sut.create({ key: 'ac-ship', actor: CENTRAL_STAFF, kind: 'ENVIO_DRSE', shipmentId });
    expect(acuse.folio).toMatch(/^AC-\d{4}-\d{6}$/);
    const { content } = await sut.getPdf(acuse.acuseId);
    const { info, text, file } = pdfText(content, 'ship');
    expect(info).toMatch(/Pages:\s+1/);
    expect(text).toContain(`Folio: ${acuse.folio}`);
    expect(text).toContain('Acuse de recibido de envío de abastecimiento');
    expect(text).toContain('Recursos Materiales');
    expect(text).toContain('Oficina de Tecnologías, DRSE Valles (Ameca)');
    expect(text).toMatch(/Hojas Teslin \(8 credenciales por hoja\)\s+160 ranuras \(20 hojas\)/);
    expect(text).toMatch(/Micas\s+100 piezas/);
    expect(text).toMatch(/Tinta \(juegos de cartuchos\)\s+50 planillas \(1 juego\)/);
    expect(text).toMatch(/Ticket de abastecimiento AB-\d{4}-\d{6}, envío 1/);
    expect(text).toContain('Sello de quien recibe');
    execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', file, join(dir, 'ship')]);
    const qr = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'ship.png')], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    expect(qr).toBe(acuse.folio);
    // The same key returns the same acuse; another acuse for the same shipment is refused.
    expect(await sut.create({ key: 'ac-ship', actor: CENTRAL_STAFF, kind: 'ENVIO_DRSE', shipmentId })).toEqual(acuse);
    await expect(sut.create({ key: 'ac-ship-2', actor: CENTRAL_STAFF, kind: 'ENVIO_DRSE', shipmentId })).rejects.toBeInstanceOf(ConflictError);
  });

  it('renders a credentials acuse with card folios only, a count, and the holograms delivered per kind', async () => {
    const folios = ['SEJ-26-000101', 'SEJ-26-000102', 'SEJ-26-000103'];
    const acuse = await sut.create({
      key: 'ac-cards', actor: ADMIN, kind: 'CREDENCIALES', schoolId, cardFolios: folios, cardCount: 3, holograms: [{ item: 'HOLOGRAMA:2026-2027', quantity: 5 }], requestId: 77,
    });
    expect(acuse.lines).toEqual([expect.objectContaining({ item: 'HOLOGRAMA:2026-2027', quantity: 5 })]);
    const { text } = pdfText((await sut.getPdf(acuse.acuseId)).content, 'cards');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Credenciales 3 (sus folios se listan abajo)');
    expect(flat).toContain('Hologramas del ciclo 2026-2027 5 piezas colocados en las credenciales 3 para alumnos que ya tienen credencial 2');
    expect(text).toMatch(/Credenciales entregadas: 3/);
    for (const f of folios) expect(text).toContain(f);
    expect(text).toContain('Oficina de Control Escolar, DRSE Valles (Ameca)');
    expect(text).toContain('Solicitud 77');
    await expect(sut.create({ key: 'ac-cards-bad', actor: ADMIN, kind: 'CREDENCIALES', schoolId, cardFolios: folios, cardCount: 4 })).rejects.toThrow(/no coincide/);
    await expect(
      sut.create({ key: 'ac-cards-mica', actor: ADMIN, kind: 'CREDENCIALES', schoolId, cardFolios: folios, holograms: [{ item: 'MICA', quantity: 3 }] }),
    ).rejects.toThrow(/sólo lista, además de los folios, hologramas/);
  });

  it('renders a school material acuse and keeps folios unique', async () => {
    const a = await sut.create({ key: 'ac-mat', actor: valleyIt, kind: 'MATERIAL_ESCUELA', fromHolderId: vallesId, schoolId, lines: [{ item: 'MICA', quantity: 40 }, { item: 'HOLOGRAMA:2026-2027', quantity: 40 }] });
    const { text } = pdfText((await sut.getPdf(a.acuseId)).content, 'mat');
    expect(text).toMatch(/Hologramas del ciclo 2026-2027\s+40 piezas/);
    expect(text).toContain('Escuela Primaria Benito Juárez');
    const all = await sut.list();
    expect(new Set(all.map((x) => x.folio)).size).toBe(all.length);
    await expect(sut.create({ key: 'ac-mat-bad', actor: valleyIt, kind: 'MATERIAL_ESCUELA', fromHolderId: vallesId, schoolId, lines: [{ item: 'MICA', quantity: 0 }] })).rejects.toBeInstanceOf(DomainError);
  });

  it('attaches the signed scan once and serves it back', async () => {
    const a = (await sut.list({ kind: 'ENVIO_DRSE' }))[0];
    const scan = (await sut.getPdf(a.acuseId)).content;
    await expect(sut.attachSignedScan({ key: 'scan-bad', actor: valleyIt, acuseId: a.acuseId, content: Buffer.from('hola'), contentType: 'application/pdf' })).rejects.toThrow(/no es un application\/pdf válido/);
    const attached = await sut.attachSignedScan({ key: 'scan-1', actor: valleyIt, acuseId: a.acuseId, content: scan, contentType: 'application/pdf' });
    expect(attached.signedScanHash).toBe(BlobStore.hash(scan));
    expect((await sut.getSignedScan(a.acuseId)).content.equals(scan)).toBe(true);
    expect(await sut.attachSignedScan({ key: 'scan-1', actor: valleyIt, acuseId: a.acuseId, content: scan, contentType: 'application/pdf' })).toEqual(attached);
    await expect(sut.attachSignedScan({ key: 'scan-2', actor: valleyIt, acuseId: a.acuseId, content: scan, contentType: 'application/pdf' })).rejects.toThrow(/ya tiene adjunta/);
  });
});
