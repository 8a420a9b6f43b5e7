// Owns first-run setup: create the owner account of the first workspace.
import { AuthForm } from './AuthForm';

export function SetupPage() {
  return (
    <AuthForm
      path="/api/auth/setup"
      id="setup-title"
      title="Welcome to LLM Analytics"
      intro="Create the owner account. You can invite your team afterwards."
      withName
      newPassword
      failedTitle="Setup failed"
      submitLabel="Create account"
      pendingLabel="Creating…"
    />
  );
}
