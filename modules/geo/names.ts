/**
 * The comparable form of a place name: no accents, no case, and hyphens,
 * apostrophes and runs of spaces read as one space, so that "Sint-Truiden",
 * "sint truiden" and "SINT TRUIDEN" are the same name and so are "Liège" and
 * "Liege".
 */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\-'’‘`.]+/g, ' ')
    .trim();
}
