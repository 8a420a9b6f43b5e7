// Owns who may edit workspace settings (price book, SLA): the settings panel and the links to it agree on it.
import type { Role } from '../api/types';

export const canEditSettings = (role: Role): boolean => role === 'admin' || role === 'owner';

/** The settings panel's anchor: the target of every "set a price" link. */
export const SETTINGS_ANCHOR = 'settings';
