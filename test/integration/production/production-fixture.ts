import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../../src/access';
import { placeholderPhoto } from '../../../src/catalog/demo/placeholder-photo';
import { syntheticPerson } from '../../../src/catalog/demo/synthetic-people';
import { Drse, School, SchoolCycle, Student } from '../../../src/catalog/entities';
import { Prng } from '../../../src/common/prng';
import { PdfRenderer } from '../../../src/rendering/pdf-renderer';
import { loadCardArtwork } from '../../../src/production/artwork';
import { CardSheetRenderer } from '../../../src/production/card-renderer';
import { ConsumptionRecorder, PrintRunConsumption } from '../../../src/production/consumption-recorder';
import { ProductionService } from '../../../src/production/production.service';
import { QrKeyStore } from '../../../src/production/qr-key-store';
import { resolveSheetLayout } from '../../../src/production/sheet-layout';
import { VerificationService } from '../../../src/production/verification.service';
import { BlobStore } from '../../../src/storage/blob-store';
import { createTestDatabase, TestDatabase } from '../../support/db';

export const BASE_URL = 'https://credenciales.example.test';
export const CYCLE = '2026-2027';

/** Remembers every call (the real inventory adapter is wired outside this module). */
export class RecordingConsumptionRecorder implements ConsumptionRecorder {
  readonly calls: Array<{ consumption: PrintRunConsumption; actor: Actor }> = [];
  async recordPrintRunConsumption(consumption: PrintRunConsumption, actor: Actor): Promise<void> {
    this.calls.push({ consumption, actor });
  }
}

export interface ProductionFixture {
  db: TestDatabase;
  dir: string;
  blobs: BlobStore;
  keys: QrKeyStore;
  renderer: PdfRenderer;
  recorder: RecordingConsumptionRecorder;
  sut: ProductionService;
  verification: VerificationService;
  photoHashes: string[];
  rng: Prng;
  taken: Set<string>;
  close(): Promise<void>;
}

export async function createProductionFixture(seed: number): Promise<ProductionFixture> {
  const db = await createTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'sej-prod-'));
  const blobs = new BlobStore(join(dir, 'uploads'));
  const keys = new QrKeyStore(join(dir, 'keys'), 'K1');
  const renderer = new PdfRenderer({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', pages: 2 });
  const sheets = new CardSheetRenderer(renderer, loadCardArtwork(), resolveSheetLayout(), 300);
  const recorder = new RecordingConsumptionRecorder();
  const sut = new ProductionService(db.orm.em, sheets, keys, blobs, { publicBaseUrl: BASE_URL, maxStudentsPerRun: 500 }, recorder);
  const verification = new VerificationService(db.orm.em, keys);
  const photoHashes: string[] = [];
  for (let v = 0; v < 3; v++) photoHashes.push(await blobs.put(placeholderPhoto(v)));
  const em = db.orm.em.fork();
  const cycle = new SchoolCycle(CYCLE, '2026-08-24', '2027-07-14');
  cycle.isCurrent = true;
  await em.persistAndFlush(cycle);
  return {
    db,
    dir,
    blobs,
    keys,
    renderer,
    recorder,
    sut,
    verification,
    photoHashes,
    rng: new Prng(seed),
    taken: new Set(),
    async close() {
      await renderer.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let cctCounter = 0;
/** A school; `route` picks matrícula so that R1 sends it to the DRSE or keeps it on site. */
export async function makeSchool(em: EntityManager, drseCode: string, route: 'DRSE' | 'ESCUELA', name?: string): Promise<School> {
  cctCounter++;
  const school = new School({
    cct: `14EPR${String(cctCounter).padStart(4, '0')}${'ABCDEFGHJK'[cctCounter % 10]}`,
    turno: 'MATUTINO',
    nivel: 'PRIMARIA',
    name: name ?? `Escuela Primaria Núm. ${cctCounter} "Josefa Ortiz de Domínguez"`,
    address: `Calle Niños Héroes ${cctCounter}, Col. Centro, Ameca, Jalisco`,
    phone: '375 758 0000',
    matricula: route === 'DRSE' ? 120 : 900,
    hasInternet: true,
    drse: em.getReference(Drse, drseCode),
  });
  await em.persistAndFlush(school);
  return school;
}

export async function makeStudents(
  f: ProductionFixture,
  school: School,
  count: number,
  options: { photo?: boolean; declined?: boolean; names?: Array<Partial<{ nombres: string; primerApellido: string; segundoApellido: string }>> } = {},
): Promise<Student[]> {
  const em = f.db.orm.em.fork();
  const out: Student[] = [];
  for (let i = 0; i < count; i++) {
    const p = syntheticPerson(f.rng, 2015, f.taken);
    const s = new Student({
      curp: p.curp,
      nombres: options.names?.[i]?.nombres ?? p.nombres,
      primerApellido: options.names?.[i]?.primerApellido ?? p.primerApellido,
      segundoApellido: options.names?.[i]?.segundoApellido ?? p.segundoApellido,
      school: em.getReference(School, school.id),
      primerIngreso: true,
      photoHash: options.photo === false ? undefined : f.photoHashes[i % f.photoHashes.length],
    });
    if (options.declined) s.decline(new Date('2026-09-01T12:00:00Z'), 'La familia no desea la credencial.');
    em.persist(s);
    out.push(s);
  }
  await em.flush();
  return out;
}

export function drseActor(drseCode: string): Actor {
  return { id: 'u-ce-' + drseCode.toLowerCase(), role: 'DRSE_CONTROL_ESCOLAR', drseCode };
}

export const CENTRAL: Actor = { id: 'u-central-1', role: 'CONTROL_ESCOLAR_CENTRAL' };

/** Poppler and zbar on a PDF written to the fixture's folder. */
export function pdfTools(f: ProductionFixture, pdf: Buffer, name: string) {
  const file = join(f.dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return {
    info: () => execFileSync('pdfinfo', [file]).toString(),
    /** `raw` keeps content-stream order (rotated watermarks stay in one piece). */
    text: (mode: 'layout' | 'raw' = 'layout') => execFileSync('pdftotext', [`-${mode}`, file, '-']).toString(),
    /** Every QR code on page `page`, rendered at `dpi`. */
    qrCodes: (page = 1, dpi = 300): string[] => {
      const prefix = join(f.dir, `${name}-p${page}`);
      execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', '-singlefile', file, prefix]);
      let out = '';
      try {
        out = execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', `${prefix}.png`], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
      } catch (err) {
        out = (err as { stdout?: Buffer }).stdout?.toString() ?? '';
      }
      return out.split('\n').filter(Boolean);
    },
  };
}

export async function folioSequence(em: EntityManager): Promise<{ lastValue: number; isCalled: boolean }> {
  const [row] = await em.fork().execute<Array<{ last_value: string; is_called: boolean }>>('select last_value, is_called from credential_folio_seq');
  return { lastValue: Number(row.last_value), isCalled: row.is_called };
}
