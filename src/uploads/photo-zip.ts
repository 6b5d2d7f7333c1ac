import { unzipSync } from 'fflate';
import { normalizeCurp } from '../catalog';
import { DomainError } from '../common/domain-error';
import type { FieldProblem } from '../http/problem';
import { DetectedKind } from './file-kinds';
import { megabytes, UPLOAD_LIMITS } from './upload-limits';
import { checkUpload, displayName } from './upload-validation';

export interface ZipPhoto {
  /** 1-based position of the entry in the ZIP (reported as `line`). */
  index: number;
  entry: string;
  curp: string;
  kind: DetectedKind | 'CSV';
  data: Buffer;
}

export interface PhotoZipContents {
  photos: ZipPhoto[];
  problems: FieldProblem[];
  entries: number;
}

const NAME_PATTERN = /^([A-Za-z0-9]+)\.(jpe?g|png)$/i;

/**
 * Reads a ZIP of photos named `<CURP>.jpg|.jpeg|.png` at its root. Every entry is checked (name,
 * CURP, content, size, resolution) and each refusal is reported; entries with folders or `..` in
 * the name are refused without being inflated, as are entries that claim to be too big.
 */
export function readPhotoZip(data: Uint8Array, field: string): PhotoZipContents {
  const problems: FieldProblem[] = [];
  const positions = new Map<string, number>();
  let position = 0;
  const refuse = (index: number, entry: string, message: string) => problems.push({ field, line: index, message: `Entrada ${index} («${entry}»): ${message}` });

  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (info) => {
        position++;
        const shown = displayName(info.name) === info.name ? info.name : info.name.slice(0, 120);
        if (position > UPLOAD_LIMITS.zipMaxEntries) {
          if (position === UPLOAD_LIMITS.zipMaxEntries + 1) {
            refuse(position, shown, `el ZIP admite a lo más ${UPLOAD_LIMITS.zipMaxEntries} fotografías; no se leyó de aquí en adelante.`);
          }
          return false;
        }
        if (/[\\/]/.test(info.name) || info.name.includes('..') || info.name.includes(':')) {
          refuse(position, shown, 'el nombre no debe contener carpetas, «..» ni rutas; ponga las fotografías en la raíz del ZIP.');
          return false;
        }
        if (info.originalSize > UPLOAD_LIMITS.photoMaxBytes) {
          refuse(position, shown, `pesa más de ${megabytes(UPLOAD_LIMITS.photoMaxBytes)} MB.`);
          return false;
        }
        positions.set(info.name, position);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('El ZIP está dañado o usa un formato no admitido (cifrado o comprimido de otra forma).', field, 'ZIP_DANADO');
  }

  const photos: ZipPhoto[] = [];
  const seen = new Map<string, string>();
  for (const [entry, bytes] of Object.entries(files)) {
    const index = positions.get(entry) ?? 0;
    const m = NAME_PATTERN.exec(entry);
    if (!m) {
      refuse(index, entry, 'el nombre debe ser la CURP del alumno con extensión .jpg, .jpeg o .png.');
      continue;
    }
    let curp: string;
    try {
      curp = normalizeCurp(m[1]);
    } catch (err) {
      refuse(index, entry, err instanceof DomainError ? err.message : 'la CURP del nombre no es válida.');
      continue;
    }
    const previous = seen.get(curp);
    if (previous) {
      refuse(index, entry, `la CURP ${curp} ya venía en «${previous}».`);
      continue;
    }
    seen.set(curp, entry);
    try {
      const checked = checkUpload(bytes, entry, 'photo', field);
      photos.push({ index, entry, curp, kind: checked.kind, data: Buffer.from(bytes) });
    } catch (err) {
      refuse(index, entry, err instanceof DomainError ? err.message : 'no es una fotografía válida.');
    }
  }
  if (position === 0) throw new DomainError('El ZIP no contiene archivos.', field);
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { photos, problems, entries: position };
}
