// Owns the submit flow shared by setup and login: post, then reload the session.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api';

export function useAuthSubmit(path: '/api/auth/setup' | '/api/auth/login') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, string>) => api<unknown>('POST', path, body),
    onSuccess: async () => {
      await qc.resetQueries({ queryKey: ['session'] });
      await qc.resetQueries({ queryKey: ['auth-setup'] });
    },
  });
}
