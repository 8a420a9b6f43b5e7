// Owns one PATCH of an experiment from a modal: pending state, the problems by field, then closing on success.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api';
import type { UpdateExperimentRequest } from '../api/types';
import { experimentsApi } from './experimentsApi';
import { formErrors } from './formErrors';

export function useSave(onDone: () => void) {
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateExperimentRequest }) =>
      experimentsApi.update(id, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['experiments'] });
      onDone();
    },
  });
  const issues = m.error instanceof ApiError ? m.error.issues : [];
  return {
    run: (id: string, body: UpdateExperimentRequest) => m.mutate({ id, body }),
    pending: m.isPending,
    banner: m.error ? m.error.message : null,
    errors: formErrors(issues),
  };
}
