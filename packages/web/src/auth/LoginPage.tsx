// Owns the sign-in page.
import { AuthForm } from './AuthForm';

export function LoginPage() {
  return (
    <AuthForm
      path="/api/auth/login"
      id="login-title"
      title="Sign in to LLM Analytics"
      failedTitle="Sign-in failed"
      submitLabel="Sign in"
      pendingLabel="Signing in…"
    />
  );
}
