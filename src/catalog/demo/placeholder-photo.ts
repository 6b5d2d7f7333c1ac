import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGB pixels as a PNG (no dependency: zlib + CRC). */
export function encodePng(width: number, height: number, rgb: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = rgb(x, y);
      raw[o++] = r;
      raw[o++] = g;
      raw[o++] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BACKGROUNDS: Array<[number, number, number]> = [
  [214, 228, 240],
  [226, 236, 220],
  [240, 228, 214],
  [232, 222, 238],
  [222, 232, 232],
  [238, 232, 212],
];

/**
 * A synthetic portrait (a grey silhouette on a coloured background, 240 × 320 px): clearly not a
 * photo of anyone. `variant` picks the background.
 */
export function placeholderPhoto(variant: number): Buffer {
  const bg = BACKGROUNDS[Math.abs(variant) % BACKGROUNDS.length];
  const w = 240;
  const h = 320;
  return encodePng(w, h, (x, y) => {
    const head = (x - 120) ** 2 + (y - 125) ** 2 < 55 ** 2;
    const shoulders = y > 200 && ((x - 120) / 105) ** 2 + ((y - 320) / 115) ** 2 < 1;
    return head || shoulders ? [120, 126, 134] : bg;
  });
}
