import { InvalidInputError } from './problem';

/**
 * Bounds on the shape of a JSON body, checked before validation and transformation walk it
 * (class-transformer recurses, so a body nested thousands of levels deep would overflow the stack).
 * No endpoint takes more than a few levels or more than a few thousand items in one list; the DTOs
 * set tighter per-field limits where a list has a meaning.
 */
export const JSON_LIMITS = { maxDepth: 16, maxArrayLength: 10_000, maxKeys: 200 } as const;

function fieldOf(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || 'cuerpo';
}

/** Throws a 422 naming the first field that breaks a bound; walks iteratively, never recursing. */
export function assertJsonShape(value: unknown, limits = JSON_LIMITS): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const field = fieldOf(path);
    if (path.length >= limits.maxDepth) {
      throw new InvalidInputError(`El campo «${field}» está anidado a más de ${limits.maxDepth} niveles; ninguna operación lo admite.`, [
        { field, message: `Anidamiento mayor a ${limits.maxDepth} niveles.` },
      ], 'DATOS_NO_VALIDOS', 422);
    }
    if (Array.isArray(v)) {
      if (v.length > limits.maxArrayLength) {
        const message = `La lista «${field}» admite a lo más ${limits.maxArrayLength.toLocaleString('es-MX')} elementos; trae ${v.length.toLocaleString('es-MX')}.`;
        throw new InvalidInputError(message, [{ field, message }]);
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    } else {
      const keys = Object.keys(v);
      if (keys.length > limits.maxKeys) {
        const message = `El campo «${field}» trae ${keys.length} propiedades; se admiten a lo más ${limits.maxKeys}.`;
        throw new InvalidInputError(message, [{ field, message }]);
      }
      for (const k of keys.reverse()) stack.push({ value: (v as Record<string, unknown>)[k], path: [...path, k] });
    }
  }
}
