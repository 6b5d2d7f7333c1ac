import { zipSync } from 'fflate';
import { placeholderPhoto, encodePng } from '../../../src/catalog/demo/placeholder-photo';
import { syntheticPerson } from '../../../src/catalog/demo/synthetic-people';
import { Prng } from '../../../src/common/prng';
import { assertKind, detectKind } from '../../../src/uploads/file-kinds';
import { readPhotoZip } from '../../../src/uploads/photo-zip';
import { checkUpload } from '../../../src/uploads/upload-validation';
import { jpegHeader, pdfDocument } from '../../support/files';

describe(checkUpload.name, () => {
  it('detects PDF, PNG, JPEG and ZIP by their magic bytes only', () => {
    expect(detectKind(pdfDocument())).toBe('PDF');
    expect(detectKind(placeholderPhoto(0))).toBe('PNG');
    expect(detectKind(jpegHeader(10, 10))).toBe('JPEG');
    expect(detectKind(zipSync({ a: new Uint8Array([1]) }))).toBe('ZIP');
    expect(detectKind(Buffer.from('<html>%PDF-'))).toBeNull();
  });

  it('refuses a PNG named .pdf where a PDF is expected, and a PDF named .jpg where a photo is', () => {
    expect(() => checkUpload(placeholderPhoto(0), 'oficio.pdf', 'pdf', 'oficio')).toThrow('El archivo «oficio.pdf» es un PNG por su contenido; se esperaba PDF.');
    expect(() => checkUpload(pdfDocument(), 'foto.jpg', 'photo', 'foto')).toThrow('El archivo «foto.jpg» es un PDF por su contenido; se esperaba JPEG o PNG.');
    expect(() => assertKind(jpegHeader(300, 300), 'foto.png', ['JPEG', 'PNG'], 'foto')).toThrow(/dice ser PNG por su extensión pero su contenido es JPEG/);
  });

  it('accepts a whole PDF and refuses a truncated one', () => {
    expect(checkUpload(pdfDocument(), 'oficio.pdf', 'pdf', 'oficio')).toEqual({ kind: 'PDF', mediaType: 'application/pdf', size: pdfDocument().length });
    const cut = pdfDocument().subarray(0, 40);
    expect(() => checkUpload(cut, 'oficio.pdf', 'pdf', 'oficio')).toThrow(/incompleto o dañado/);
  });

  it('checks photo resolution both ways', () => {
    expect(checkUpload(placeholderPhoto(1), 'f.png', 'photo', 'foto')).toMatchObject({ width: 240, height: 320 });
    expect(() => checkUpload(jpegHeader(7000, 7000), 'f.jpg', 'photo', 'foto')).toThrow('La imagen «f.jpg» mide 7000×7000 px; el máximo es 6000×6000 px.');
    expect(() => checkUpload(encodePng(50, 50, () => [0, 0, 0]), 'f.png', 'photo', 'foto')).toThrow(/el mínimo es 200×250 px/);
  });

  it('shows only the base name of a client path in messages', () => {
    expect(() => checkUpload(Buffer.alloc(0), '../../secreto/f.png', 'photo', 'foto')).toThrow('El archivo «f.png» está vacío.');
  });
});

describe(readPhotoZip.name, () => {
  const curp = syntheticPerson(new Prng(7), 2015, new Set()).curp;

  it('refuses traversal, folders and absolute names without inflating them, and reports each entry', () => {
    const zip = zipSync({
      [`${curp}.png`]: placeholderPhoto(0),
      '../../x.jpg': placeholderPhoto(1),
      'fotos/otra.png': placeholderPhoto(2),
      'C:\\x.png': placeholderPhoto(3),
    });
    const { photos, problems, entries } = readPhotoZip(zip, 'archivo');
    expect(entries).toBe(4);
    expect(photos.map((p) => p.curp)).toEqual([curp]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(problems.every((p) => p.message.includes('no debe contener carpetas'))).toBe(true);
  });

  it('refuses a duplicate CURP, a non-image and a damaged archive', () => {
    const zip = zipSync({ [`${curp}.png`]: placeholderPhoto(0), [`${curp.toLowerCase()}.jpg`]: jpegHeader(300, 400), 'X.png': Buffer.from('no') });
    const { problems } = readPhotoZip(zip, 'archivo');
    expect(problems.map((p) => p.message)).toEqual([
      `Entrada 2 («${curp.toLowerCase()}.jpg»): la CURP ${curp} ya venía en «${curp}.png».`,
      'Entrada 3 («X.png»): La CURP debe tener 18 caracteres; "X" tiene 1.',
    ]);
    expect(() => readPhotoZip(Buffer.from('PK\u0003\u0004basura'), 'archivo')).toThrow(/dañado/);
  });
});
