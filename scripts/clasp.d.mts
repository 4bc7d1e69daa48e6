export const CLASP: string;
