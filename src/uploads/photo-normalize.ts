import sharp from 'sharp';
import { DomainError } from '../common/domain-error';
import { UPLOAD_LIMITS } from './upload-limits';

/**
 * What a stored student photo is (issue 11 item 12): the card's photo frame (20 × 25 mm) at 300 dpi,
 * 240 × 300 px (304.8 dpi), a baseline JPEG with no metadata at all (no EXIF: GPS position, device,
 * time; no XMP, IPTC, ICC profile or comment), upright.
 *
 * Every photo is normalised once, when it is uploaded (one photo or a ZIP); photos stored before
 * are normalised by `node dist/src/cli/normalize-photos.js` (src/uploads/photo-migration.ts). A print
 * run then embeds ~20 KB per card whatever the phone sent.
 */
export const CARD_PHOTO = { width: 240, height: 300 } as const;
const QUALITY = 90;

// A server process: no libvips operation cache (it would keep decoded originals around), and few
// threads per image (requests run side by side on a small machine).
sharp.cache(false);
sharp.concurrency(2);

/**
 * Orients by EXIF, crops to the frame's 4:5 (centred) and resizes, drops every metadata block,
 * re-encodes as JPEG. An image that cannot be decoded is refused in Spanish, naming `field`.
 */
export async function normalizePhoto(data: Uint8Array, name: string, field: string): Promise<Buffer> {
  try {
    return await sharp(data, { failOn: 'error', limitInputPixels: UPLOAD_LIMITS.photo.maxWidth * UPLOAD_LIMITS.photo.maxHeight, sequentialRead: true })
      .autoOrient()
      .resize(CARD_PHOTO.width, CARD_PHOTO.height, { fit: 'cover', position: 'centre' })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: QUALITY, chromaSubsampling: '4:2:0' })
      .toBuffer();
  } catch {
    throw new DomainError(`La imagen «${name}» está dañada o no se puede leer como fotografía.`, field, 'IMAGEN_DANADA', 422);
  }
}

/**
 * True when `data` already is what `normalizePhoto` writes: a JPEG of exactly the card photo's size
 * whose only application segment is the JFIF header (APP0) and that has no comment. Read from the
 * markers before the image data, without decoding: cheap enough to check every photo of a print run.
 */
export function isNormalizedPhoto(data: Uint8Array): boolean {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return false;
  let at = 2;
  let sized = false;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return false;
    const marker = data[at + 1];
    const length = (data[at + 2] << 8) | data[at + 3];
    if (marker === 0xda) return sized; // start of scan: the headers are over
    if (marker === 0xfe || (marker >= 0xe1 && marker <= 0xef)) return false; // COM, APP1–APP15
    if (marker === 0xe0 && !(length >= 16 && Buffer.from(data.subarray(at + 4, at + 9)).toString('latin1') === 'JFIF\0')) return false;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (data[at + 5] << 8) | data[at + 6];
      const width = (data[at + 7] << 8) | data[at + 8];
      if (width !== CARD_PHOTO.width || height !== CARD_PHOTO.height) return false;
      sized = true;
    }
    at += 2 + length;
  }
  return false;
}
