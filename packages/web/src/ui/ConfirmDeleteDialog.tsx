// Owns the shape of every delete confirmation: what goes and what stays, the error if it fails, Cancel / Delete.
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Modal } from './Modal';

export function ConfirmDeleteDialog({
  title,
  action,
  remove,
  onDeleted,
  onClose,
  children,
}: {
  title: string;
  /** The button's label, e.g. "Delete cohort". */
  action: string;
  remove(): Promise<unknown>;
  /** After the delete (the dialog has closed): refresh what showed the item, or leave its page. */
  onDeleted(): Promise<void> | void;
  onClose(): void;
  /** What is removed and what stays. */
  children: ReactNode;
}) {
  const del = useMutation({
    mutationFn: remove,
    onSuccess: async () => {
      onClose();
      await onDeleted();
    },
  });
  return (
    <Modal title={title} onClose={onClose}>
      {children}
      {del.error ? (
        <div className="notice notice-error" role="alert">
          <strong>Not deleted: {del.error.message}</strong>
        </div>
      ) : null}
      <footer className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary danger"
          disabled={del.isPending}
          onClick={() => del.mutate()}
        >
          {del.isPending ? 'Deleting…' : action}
        </button>
      </footer>
    </Modal>
  );
}
