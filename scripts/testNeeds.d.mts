// Owns the types of testNeeds.mjs (plain JS so scripts/test.mjs runs on bare node; typed for the tests).
/** Which services the given test files (repo-relative or absolute) need, from their imports through test helpers. */
export declare function testNeeds(files: string[]): {
  browser: boolean;
  postgres: boolean;
  /** poppler-utils (pdfinfo, pdftoppm, pdftotext): files importing test/exports/poppler.ts. */
  poppler: boolean;
};
