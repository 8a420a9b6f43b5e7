// Owns where the dashboard's sources and build output live, relative to this package.
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
