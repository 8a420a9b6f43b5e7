// Owns first-run setup: create the owner account of the first workspace.
import { type FormEvent, useState } from 'react';
import { Notice } from '../ui/Notice';
import { useAuthSubmit } from './useAuthSubmit';

export function SetupPage() {
  const submit = useAuthSubmit('/api/auth/setup');
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate(form);
  };
  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} aria-labelledby="setup-title">
        <h1 id="setup-title">Welcome to LLM Analytics</h1>
        <p>Create the owner account. You can invite your team afterwards.</p>
        <label>
          Name
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
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
          Password (at least 8 characters)
          <input
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </label>
        {submit.error ? (
          <Notice kind="error" title="Setup failed">
            {submit.error.message}
          </Notice>
        ) : null}
        <button type="submit" className="primary" disabled={submit.isPending}>
          {submit.isPending ? 'Creating…' : 'Create account'}
        </button>
      </form>
    </main>
  );
}
