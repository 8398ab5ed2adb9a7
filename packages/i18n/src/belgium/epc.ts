import type { Region } from './region.ts';

/**
 * Residential energy performance certificates (EPC / PEB / EPB), per region,
 * by primary energy use in kWh/m²/year. Each band lists its upper bound
 * (inclusive); the last letter is everything above.
 *
 * Sources: the scales the regions publish (not re-checked online from this
 * machine, which has no web access; re-verify the band edges before relying
 * on them in a legal context):
 * - Flanders, Vlaams Energie- en Klimaatagentschap (VEKA), "EPC-label" for
 *   residential units since 2019: A+ < 0, A 0–100, B 100–200, C 200–300,
 *   D 300–400, E 400–500, F > 500.
 * - Wallonia, SPW Énergie, "certificat PEB" (residential, since 2010):
 *   A++ ≤ 0, A+ ≤ 45, A ≤ 85, B ≤ 170, C ≤ 255, D ≤ 340, E ≤ 425, F ≤ 510, G > 510.
 * - Brussels, Bruxelles Environnement, "certificat PEB" (residential):
 *   A++ < 0, A+ 0–15, A 16–45, B 46–95, C 96–145, D 146–210, E 211–275,
 *   F 276–345, G > 345. The Brussels certificate also prints sub-classes
 *   (A-, B+, B, B-, ... E-); we accept them and treat them as their letter.
 */
export const EPC_BANDS = {
  flanders: [['A+', 0], ['A', 100], ['B', 200], ['C', 300], ['D', 400], ['E', 500], ['F', Infinity]],
  wallonia: [['A++', 0], ['A+', 45], ['A', 85], ['B', 170], ['C', 255], ['D', 340], ['E', 425], ['F', 510], ['G', Infinity]],
  brussels: [['A++', 0], ['A+', 15], ['A', 45], ['B', 95], ['C', 145], ['D', 210], ['E', 275], ['F', 345], ['G', Infinity]],
} as const satisfies Record<Region, readonly (readonly [string, number])[]>;

/**
 * The common order used to compare labels across regions ("EPC at most C").
 * Letters are not equivalent in kWh between regions (Flanders' C is ≤ 300,
 * Brussels' C ≤ 145): the rank compares the label a buyer sees, not the energy.
 */
export const EPC_ORDER = ['A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type EpcLabel = (typeof EPC_ORDER)[number];

/** Badge colours per letter, the green-to-red scale printed on the certificates. */
export const EPC_COLOURS: Record<EpcLabel, { background: string; text: string }> = {
  'A++': { background: '#00843D', text: '#FFFFFF' },
  'A+': { background: '#1A9B3A', text: '#FFFFFF' },
  A: { background: '#4DB848', text: '#FFFFFF' },
  B: { background: '#B3D235', text: '#1A1A1A' },
  C: { background: '#FFED00', text: '#1A1A1A' },
  D: { background: '#FBB900', text: '#1A1A1A' },
  E: { background: '#F18700', text: '#1A1A1A' },
  F: { background: '#E4312B', text: '#FFFFFF' },
  G: { background: '#A51D26', text: '#FFFFFF' },
};

/** The labels of a region, best first. */
export function epcLabels(region: Region): EpcLabel[] {
  return EPC_BANDS[region].map(([label]) => label);
}

/** Brussels sub-classes (B+, C-) count as their letter; others must match exactly. */
function baseLabel(region: Region, label: string): EpcLabel | undefined {
  const upper = label.trim().toUpperCase();
  const labels = epcLabels(region);
  if ((labels as string[]).includes(upper)) return upper as EpcLabel;
  if (region === 'brussels' && /^[A-E][+-]$/.test(upper)) {
    // "A+" is a class of its own (matched above); A- and B+..E- are sub-classes.
    return upper[0] as EpcLabel;
  }
  return undefined;
}

export function isValidEpcLabel(region: Region, label: string): boolean {
  return baseLabel(region, label) !== undefined;
}

/** The label a certificate shows for a yearly primary energy use. */
export function epcLabelFor(region: Region, kwhPerM2Year: number): EpcLabel {
  if (!Number.isFinite(kwhPerM2Year)) throw new RangeError('Energy use must be a finite number.');
  const bands = EPC_BANDS[region];
  for (const [label, max] of bands) {
    if (region === 'flanders' && label === 'A+' ? kwhPerM2Year < 0 : kwhPerM2Year <= max) return label;
  }
  return bands[bands.length - 1]![0];
}

/** Position in the common order (A++ = 0 … G = 8); undefined for a label the region does not use. */
export function epcRank(region: Region, label: string): number | undefined {
  const base = baseLabel(region, label);
  return base === undefined ? undefined : EPC_ORDER.indexOf(base);
}

export function epcColour(label: string): { background: string; text: string } | undefined {
  const upper = label.trim().toUpperCase();
  const key = (EPC_ORDER as readonly string[]).includes(upper) ? upper : upper[0];
  return EPC_COLOURS[key as EpcLabel];
}
