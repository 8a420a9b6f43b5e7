// Owns who may triage anomalies and create, edit, test and delete alert rules (`manage_alerts`: every role but viewer).
import type { Role } from '../api/types';

export const canManageAlerts = (role: Role): boolean => role !== 'viewer';
