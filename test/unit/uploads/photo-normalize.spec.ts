import sharp from 'sharp';
import { CARD_PHOTO, isNormalizedPhoto, normalizePhoto } from '../../../src/uploads/photo-normalize';
import { placeholderPhoto } from '../../../src/catalog/demo/placeholder-photo';
import { exifTraces, PHONE_EXIF, phonePhoto, withPhoneExif } from '../../support/exif';

describe(normalizePhoto.name, () => {
  it('turns a phone photo with GPS EXIF into a 240 × 300 JPEG with no metadata at all', async () => {
    const original = await phonePhoto(1500, 2000);
    const meta = await sharp(original).metadata();
    expect(meta.exif).toBeDefined();
    expect(exifTraces(original)).toEqual(expect.arrayContaining(['Exif\0', PHONE_EXIF.make, PHONE_EXIF.model, PHONE_EXIF.dateTime]));

    const out = await normalizePhoto(original, 'foto.jpg', 'foto');
    const m = await sharp(out).metadata();
    expect([m.format, m.width, m.height]).toEqual(['jpeg', CARD_PHOTO.width, CARD_PHOTO.height]);
    expect([m.exif, m.icc, m.xmp, m.iptc, m.orientation, m.comments]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(exifTraces(out)).toEqual([]);
    expect(isNormalizedPhoto(out)).toBe(true);
    expect(out.length).toBeLessThan(60_000);
    expect(out.length).toBeLessThan(original.length / 10);
  });

  it('orients by EXIF: a sideways photo (orientation 6) comes out upright', async () => {
    // Stored 400 × 300 with red on top and blue below; orientation 6 shows it turned 90° clockwise:
    // red on the right, blue on the left.
    const out = await normalizePhoto(await phonePhoto(400, 300, 6), 'foto.jpg', 'foto');
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([240, 300]);
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    const [leftR, , leftB] = px(40, 150);
    const [rightR, , rightB] = px(200, 150);
    expect(leftB).toBeGreaterThan(leftR + 60);
    expect(rightR).toBeGreaterThan(rightB + 60);
    // Without orientation the same image would keep red on top.
    const upright = await normalizePhoto(await phonePhoto(300, 400, 1), 'foto.jpg', 'foto');
    const raw = await sharp(upright).raw().toBuffer();
    expect(raw[(40 * 240 + 120) * 3]).toBeGreaterThan(raw[(40 * 240 + 120) * 3 + 2] + 60);
  });

  it('crops to the frame (4:5) from the centre, and takes PNG too', async () => {
    const fromPng = await normalizePhoto(placeholderPhoto(2), 'foto.png', 'foto');
    expect(isNormalizedPhoto(fromPng)).toBe(true);
    const wide = await normalizePhoto(await phonePhoto(2000, 500), 'panorama.jpg', 'foto');
    expect(await sharp(wide).metadata()).toMatchObject({ width: 240, height: 300 });
  });

  it('refuses in Spanish, naming the field, what cannot be decoded', async () => {
    const header = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
    await expect(normalizePhoto(header, 'rota.jpg', 'foto')).rejects.toMatchObject({ field: 'foto', message: 'La imagen «rota.jpg» está dañada o no se puede leer como fotografía.' });
  });
});

describe(isNormalizedPhoto.name, () => {
  it('accepts only a JPEG of the card size whose only application segment is JFIF, with no comment', async () => {
    const clean = await normalizePhoto(placeholderPhoto(1), 'f.png', 'foto');
    expect(isNormalizedPhoto(clean)).toBe(true);
    expect(isNormalizedPhoto(withPhoneExif(clean))).toBe(false);
    const comment = Buffer.concat([clean.subarray(0, 2), Buffer.from([0xff, 0xfe, 0x00, 0x06]), Buffer.from('hola'), clean.subarray(2)]);
    expect(isNormalizedPhoto(comment)).toBe(false);
    expect(isNormalizedPhoto(await sharp(clean).resize(241, 300).jpeg().toBuffer())).toBe(false);
    expect(isNormalizedPhoto(await sharp(clean).resize(240, 301).jpeg().toBuffer())).toBe(false);
    expect(isNormalizedPhoto(placeholderPhoto(1))).toBe(false);
    expect(isNormalizedPhoto(clean.subarray(0, 30))).toBe(false);
    expect(isNormalizedPhoto(Buffer.alloc(0))).toBe(false);
    // A JFIF header (APP0) carries no personal data; another APP0 (JFXX: a thumbnail) is refused.
    const app0 = (id: string) => Buffer.concat([clean.subarray(0, 2), Buffer.from([0xff, 0xe0, 0x00, 0x10]), Buffer.from(`${id}\0`, 'latin1'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0]), clean.subarray(2)]);
    expect(isNormalizedPhoto(app0('JFIF'))).toBe(true);
    expect(isNormalizedPhoto(app0('JFXX'))).toBe(false);
  });
});
