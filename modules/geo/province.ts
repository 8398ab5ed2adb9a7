/**
 * Province NIS code of a commune from the first two digits of its NIS code
 * (the arrondissement); null for the Brussels-Capital Region, which has none.
 */
export function provinceNisOf(communeNis: string): string | null {
  const p = communeNis.slice(0, 2);
  if (p === '21') return null;
  if (p === '23' || p === '24') return '20001';
  if (p === '25') return '20002';
  return `${p[0]}0000`;
}
