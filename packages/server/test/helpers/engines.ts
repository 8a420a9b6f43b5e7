// Owns the list of store engines every store-facing test runs against.
import type { Engine } from './testServer.ts';

export const ENGINES: Engine[] = ['duckdb', 'postgres'];
