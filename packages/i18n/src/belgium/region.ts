// The three regions decide energy scales, registration duties and lease law.
export const REGIONS = ['brussels', 'flanders', 'wallonia'] as const;
export type Region = (typeof REGIONS)[number];
