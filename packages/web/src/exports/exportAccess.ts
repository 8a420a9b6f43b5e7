// Owns who may export (the server's `export` permission: members and above), so the button matches the API.
import type { Role } from '../api/types';

export const canExport = (role: Role): boolean => role !== 'viewer';
