// Owns the types of chromiumPlan.mjs (plain JS so scripts/test.mjs runs on bare node; typed for the tests).
export declare const DEFAULT_CHROMIUM: string;

export interface ChromiumFacts {
  /** CHROMIUM_PATH as set ('' counts as unset). */
  envPath: string | undefined;
  /** Is there a file at path. */
  exists(path: string): boolean;
  /** process.getuid() === 0. */
  root: boolean;
  /** apt-get is on PATH. */
  apt: boolean;
  /** /etc/os-release says ID=debian (Ubuntu's `chromium` package is a snap stub that containers cannot run). */
  debian: boolean;
}

export type ChromiumAction =
  | { action: 'use'; path: string }
  | { action: 'install'; path: string; commands: string[][] }
  | {
      action: 'stop';
      code: 'chromium_path_missing' | 'chromium_needs_root' | 'chromium_unsupported_os';
      message: string;
    };

export declare function chromiumPlan(facts: ChromiumFacts): ChromiumAction;
