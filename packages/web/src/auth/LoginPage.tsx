// Owns the sign-in page.
import { type FormEvent, useState } from 'react';
import { Notice } from '../ui/Notice';
import { useAuthSubmit } from './useAuthSubmit';

export function LoginPage() {
  const submit = useAuthSubmit('/api/auth/login');
  const [form, setForm] = useState({ email: '', password: '' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate(form);
  };
  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to LLM Analytics</h1>
        <label>
          Email
          <input
            type="email"
            required
            autoComplete="username"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            required
            autoComplete="current-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </label>
        {submit.error ? (
          <Notice kind="error" title="Sign-in failed">
            {submit.error.message}
          </Notice>
        ) : null}
        <button type="submit" className="primary" disabled={submit.isPending}>
          {submit.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
