import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { imageSize } from 'image-size';
import type { PhotoAsset } from './card-html';

export interface CardArtwork {
  logoSe: string;
  logoJalisco: string;
  logoBienestar: string;
  firma: string;
}

/** The repository's assets/ folder, from sources (src/production) or from dist (dist/src/production). */
export function defaultAssetsDir(): string {
  for (const candidate of [path.resolve(__dirname, '../../assets'), path.resolve(__dirname, '../../../assets')]) {
    if (existsSync(path.join(candidate, 'logo-se-placeholder.svg'))) return candidate;
  }
  return path.resolve(process.cwd(), 'assets');
}

export function imageMime(data: Buffer, fileName = ''): string {
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  const head = data.subarray(0, 512).toString('utf8').trimStart();
  if (head.startsWith('<svg') || head.startsWith('<?xml') || fileName.endsWith('.svg')) return 'image/svg+xml';
  throw new Error(`Formato de imagen no admitido${fileName ? `: ${fileName}` : ''} (use PNG, JPEG, WebP o SVG).`);
}

export function dataUrl(data: Buffer, fileName = ''): string {
  return `data:${imageMime(data, fileName)};base64,${data.toString('base64')}`;
}

/**
 * Logos and signature as data: URLs (the renderer loads nothing from outside the document).
 * Each is an image file set by an environment variable; defaults are the placeholders in assets/.
 */
export function loadCardArtwork(env: NodeJS.ProcessEnv = process.env): CardArtwork {
  const dir = env.CARD_ART_DIR || defaultAssetsDir();
  const load = (variable: string, fallback: string) => {
    const file = env[variable] || path.join(dir, fallback);
    try {
      return dataUrl(readFileSync(file), file);
    } catch (err) {
      throw new Error(`No se pudo leer la imagen de ${variable} (${file}): ${(err as Error).message}`);
    }
  };
  return {
    logoSe: load('CARD_ART_LOGO_SE', 'logo-se-placeholder.svg'),
    logoJalisco: load('CARD_ART_LOGO_JALISCO', 'logo-jalisco-placeholder.svg'),
    logoBienestar: load('CARD_ART_LOGO_BIENESTAR', 'logo-bienestar-placeholder.svg'),
    firma: load('CARD_ART_FIRMA', 'firma-placeholder.svg'),
  };
}

/** A stored photo (JPEG or PNG) as a print file's asset, with its pixel size. */
export function photoAsset(data: Buffer): PhotoAsset {
  const mime = imageMime(data);
  if (mime !== 'image/jpeg' && mime !== 'image/png') throw new Error(`A card photo must be JPEG or PNG, not ${mime}`);
  let width = 0;
  let height = 0;
  try {
    const size = imageSize(data);
    width = size.width ?? 0;
    height = size.height ?? 0;
  } catch {
    // unknown size: the frame's own ratio is assumed
  }
  return { data, ext: mime === 'image/png' ? 'png' : 'jpg', width, height };
}
