// Owns the calls of the Cohorts page and the cohort filter to /api/analytics/cohorts.
import { api } from '../api/api';
import type {
  Cohort,
  CohortDefinition,
  CohortList,
  CohortPreview,
  CohortRetention,
  CreateCohortRequest,
  RetentionPeriod,
  UpdateCohortRequest,
} from '../api/types';

const BASE = '/api/analytics/cohorts';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const cohortsApi = {
  list: (signal?: AbortSignal) => api<CohortList>('GET', BASE, undefined, signal),
  preview: (definition: CohortDefinition, signal?: AbortSignal) =>
    api<CohortPreview>('POST', `${BASE}/preview`, { definition }, signal),
  retention: (id: string, period: RetentionPeriod, signal?: AbortSignal) =>
    api<CohortRetention>('GET', `${one(id)}/retention?period=${period}&periods=8`, undefined, signal),
  create: (body: CreateCohortRequest) => api<Cohort>('POST', BASE, body),
  update: (id: string, body: UpdateCohortRequest) => api<Cohort>('PATCH', one(id), body),
  remove: (id: string) => api<null>('DELETE', one(id)),
};
