import sharp from 'sharp';

/** What a phone writes into a photo: the strings below must never reach a stored photo or a print file. */
export const PHONE_EXIF = {
  make: 'TelefonoMarcaX',
  model: 'ModeloSecretoZ9',
  dateTime: '2026:09:14 08:31:07',
  /** 20° 40' 36.5" N, 103° 20' 51.2" W (Guadalajara). */
  latitude: [20, 40, 36.5] as const,
  longitude: [103, 20, 51.2] as const,
};

type Entry = { tag: number; type: 3 | 2 | 4 | 5; values: number[] | string };

/** A TIFF IFD (little endian) at `start`, its out-of-line values after it. */
function ifd(entries: Entry[], start: number): Buffer {
  const size = (e: Entry) => (e.type === 2 ? (e.values as string).length + 1 : (e.values as number[]).length * (e.type === 3 ? 2 : e.type === 4 ? 4 : 8));
  const head = Buffer.alloc(2 + entries.length * 12 + 4);
  const data: Buffer[] = [];
  let dataAt = start + head.length;
  head.writeUInt16LE(entries.length, 0);
  entries.forEach((e, i) => {
    const o = 2 + i * 12;
    const bytes = Buffer.alloc(size(e));
    if (e.type === 2) bytes.write(`${e.values}\0`, 'latin1');
    else if (e.type === 3) (e.values as number[]).forEach((v, j) => bytes.writeUInt16LE(v, j * 2));
    else if (e.type === 4) (e.values as number[]).forEach((v, j) => bytes.writeUInt32LE(v, j * 4));
    else (e.values as number[]).forEach((v, j) => (bytes.writeUInt32LE(Math.round(v * 100), j * 8), bytes.writeUInt32LE(100, j * 8 + 4)));
    head.writeUInt16LE(e.tag, o);
    head.writeUInt16LE(e.type, o + 2);
    head.writeUInt32LE(e.type === 2 ? (e.values as string).length + 1 : (e.values as number[]).length, o + 4);
    if (bytes.length <= 4) bytes.copy(head, o + 8);
    else {
      head.writeUInt32LE(dataAt, o + 8);
      data.push(bytes);
      dataAt += bytes.length;
    }
  });
  return Buffer.concat([head, ...data]);
}

/** `jpeg` with an EXIF block (APP1) like a phone's: orientation, make, model, time and GPS position. */
export function withPhoneExif(jpeg: Buffer, orientation = 1): Buffer {
  const x = PHONE_EXIF;
  const gpsFor = (at: number) =>
    ifd(
      [
        { tag: 1, type: 2, values: 'N' },
        { tag: 2, type: 5, values: [...x.latitude] },
        { tag: 3, type: 2, values: 'W' },
        { tag: 4, type: 5, values: [...x.longitude] },
      ],
      at,
    );
  const ifd0 = (gpsAt: number) =>
    ifd(
      [
        { tag: 0x010f, type: 2, values: x.make },
        { tag: 0x0110, type: 2, values: x.model },
        { tag: 0x0112, type: 3, values: [orientation] },
        { tag: 0x0132, type: 2, values: x.dateTime },
        { tag: 0x8825, type: 4, values: [gpsAt] },
      ],
      8,
    );
  const first = ifd0(0);
  const tiffHeader = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]);
  const tiff = Buffer.concat([tiffHeader, ifd0(8 + first.length), gpsFor(8 + first.length)]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, body, jpeg.subarray(2)]);
}

/**
 * A photo-like JPEG as a phone sends it: `width` × `height`, smooth shapes and some grain, the top
 * half red-tinted and the bottom half blue-tinted (so orientation can be checked), EXIF included.
 */
export async function phonePhoto(width = 1500, height = 2000, orientation = 1, seed = 1): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let s = seed >>> 0 || 1;
  for (let y = 0; y < height; y++) {
    const top = y < height / 2;
    for (let x = 0; x < width; x++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const grain = (s >>> 27) - 16;
      const shade = 60 + Math.round(60 * Math.sin((x + seed * 37) / 97) * Math.cos((y - seed * 11) / 131));
      const o = (y * width + x) * 3;
      raw[o] = clamp((top ? 200 : 40) + grain + (shade >> 2));
      raw[o + 1] = clamp(70 + shade + grain);
      raw[o + 2] = clamp((top ? 40 : 200) + grain - (shade >> 2));
    }
  }
  const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 88 }).toBuffer();
  return withPhoneExif(jpeg, orientation);
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** Strings an EXIF block leaves in a file, which a clean file never contains. */
export function exifTraces(data: Buffer): string[] {
  const text = data.toString('latin1');
  return ['Exif\0', PHONE_EXIF.make, PHONE_EXIF.model, PHONE_EXIF.dateTime, 'ICC_PROFILE', 'http://ns.adobe.com/xap'].filter((t) => text.includes(t));
}
