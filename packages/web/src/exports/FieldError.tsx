// Owns the message under a field the server refused (linked to it by id for screen readers).
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert" data-error-for={id.replace(/-error$/, '')}>
      {message}
    </p>
  );
}
