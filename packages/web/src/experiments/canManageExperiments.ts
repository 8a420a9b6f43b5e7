// Owns who may create, edit, conclude and delete experiments (`manage_experiments`: every role but viewer).
import type { Role } from '../api/types';

export const canManageExperiments = (role: Role): boolean => role !== 'viewer';
