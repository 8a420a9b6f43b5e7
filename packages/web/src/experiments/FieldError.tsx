// Owns the message under a form field: the problems the server (or the form) found with that field.
export function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {messages.join('; ')}
    </p>
  );
}
