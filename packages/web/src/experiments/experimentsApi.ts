// Owns the calls of the Experiments page to /api/analytics/experiments (list, one, results, suggestions, changes).
import { api } from '../api/api';
import type {
  CreateExperimentRequest,
  Experiment,
  ExperimentList,
  ExperimentResults,
  ExperimentSuggestionList,
  ResultMode,
  UpdateExperimentRequest,
} from '../api/types';

const BASE = '/api/analytics/experiments';
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const experimentsApi = {
  list: (signal?: AbortSignal) => api<ExperimentList>('GET', BASE, undefined, signal),
  results: (id: string, mode: ResultMode | null, signal?: AbortSignal) =>
    api<ExperimentResults>('GET', `${one(id)}/results${mode ? `?mode=${mode}` : ''}`, undefined, signal),
  suggestions: (signal?: AbortSignal) =>
    api<ExperimentSuggestionList>('GET', `${BASE}/suggestions`, undefined, signal),
  create: (body: CreateExperimentRequest) => api<Experiment>('POST', BASE, body),
  update: (id: string, body: UpdateExperimentRequest) => api<Experiment>('PATCH', one(id), body),
  remove: (id: string) => api<null>('DELETE', one(id)),
};
