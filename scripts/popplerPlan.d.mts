// Owns the types of popplerPlan.mjs (plain JS so scripts/test.mjs runs on bare node; typed for the tests).
export interface PopplerFacts {
  /** pdfinfo and pdftoppm are both on PATH. */
  onPath: boolean;
  /** process.getuid() === 0. */
  root: boolean;
  /** apt-get is on PATH. */
  apt: boolean;
  /** /etc/os-release says ID=debian. */
  debian: boolean;
}

export type PopplerAction =
  | { action: 'use' }
  | { action: 'install'; commands: string[][] }
  | { action: 'skip'; message: string };

export declare function popplerPlan(facts: PopplerFacts): PopplerAction;
