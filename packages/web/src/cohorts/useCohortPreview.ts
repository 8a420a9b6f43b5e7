// Owns the live count while a definition is edited: the preview endpoint, a short pause after the last change.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CohortDefinition } from '../api/types';
import { cohortsApi } from './cohortsApi';

export function useCohortPreview(definition: CohortDefinition | null) {
  const text = definition ? JSON.stringify(definition) : '';
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const t = setTimeout(() => setSettled(text), 300);
    return () => clearTimeout(t);
  }, [text]);
  return useQuery({
    queryKey: ['cohorts', 'preview', settled],
    queryFn: ({ signal }) => cohortsApi.preview(JSON.parse(settled) as CohortDefinition, signal),
    enabled: settled !== '',
    retry: false,
    placeholderData: (prev) => prev,
  });
}
