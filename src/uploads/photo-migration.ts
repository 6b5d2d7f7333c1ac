import { promises as fs } from 'node:fs';
import { EntityManager } from '@mikro-orm/postgresql';
import { BlobStore } from '../storage/blob-store';
import { isNormalizedPhoto, normalizePhoto } from './photo-normalize';

export interface PhotoMigrationReport {
  /** Distinct photos referenced by students or printed cards. */
  photos: number;
  /** Already normalised: left as they are. */
  alreadyNormalized: number;
  /** Replaced by their normalised copy (students and card snapshots now point to it). */
  normalized: number;
  /** Originals removed from the store once nothing pointed to them. */
  originalsRemoved: number;
  /** Print runs whose stored PDF embedded an original: the PDF is removed, the next download renders it again. */
  printFilesRemoved: number;
  /** Referenced but absent from the store. */
  missing: number;
  /** Not decodable: left untouched, listed by hash prefix. */
  unreadable: string[];
}

/**
 * Normalises the photos stored before issue 11 (`normalizePhoto`): for each distinct photo referenced
 * by `student.photo_hash` or `credential.photo_hash` that is not normalised yet, stores its normalised
 * copy, points students and card snapshots to it (one transaction per photo), then removes the
 * original and any print file that embedded it (runs re-render from their stored cards on the next
 * download, with the same folios and QR codes). Idempotent: a second pass finds nothing to do.
 * One photo in memory at a time.
 */
export async function normalizeStoredPhotos(em: EntityManager, blobs: BlobStore, log: (line: string) => void = () => {}): Promise<PhotoMigrationReport> {
  const report: PhotoMigrationReport = { photos: 0, alreadyNormalized: 0, normalized: 0, originalsRemoved: 0, printFilesRemoved: 0, missing: 0, unreadable: [] };
  const rows = await em.execute<Array<{ hash: string }>>(
    `select photo_hash as hash from student where photo_hash is not null
     union select photo_hash from credential where photo_hash is not null order by hash`,
  );
  report.photos = rows.length;
  for (const { hash } of rows) {
    if (!(await blobs.has(hash))) {
      report.missing++;
      continue;
    }
    const original = await blobs.get(hash);
    if (isNormalizedPhoto(original)) {
      report.alreadyNormalized++;
      continue;
    }
    let copy: Buffer;
    try {
      copy = await normalizePhoto(original, hash.slice(0, 12), 'foto');
    } catch {
      report.unreadable.push(hash.slice(0, 12));
      continue;
    }
    const fresh = await blobs.put(copy);
    const pdfs = await em.transactional(async (tx) => {
      await tx.execute('update student set photo_hash = ? where photo_hash = ?', [fresh, hash]);
      await tx.execute('update credential set photo_hash = ? where photo_hash = ?', [fresh, hash]);
      return tx.execute<Array<{ pdf_hash: string }>>(
        `update print_run r set pdf_hash = null
           from (select distinct run_id from credential where photo_hash = ?) c, print_run old
          where r.id = c.run_id and old.id = r.id and r.pdf_hash is not null
          returning old.pdf_hash`,
        [fresh],
      );
    });
    report.normalized++;
    if (fresh !== hash && (await remove(blobs, hash))) report.originalsRemoved++;
    for (const { pdf_hash: pdf } of pdfs) {
      const [{ n }] = await em.execute<Array<{ n: string }>>('select count(*) as n from print_run where pdf_hash = ?', [pdf]);
      if (Number(n) === 0 && (await remove(blobs, pdf))) report.printFilesRemoved++;
    }
    log(`Fotografía ${hash.slice(0, 12)}… normalizada (${original.length} → ${copy.length} bytes).`);
  }
  return report;
}

async function remove(blobs: BlobStore, hash: string): Promise<boolean> {
  try {
    await fs.rm(blobs.pathOf(hash));
    return true;
  } catch {
    return false;
  }
}
