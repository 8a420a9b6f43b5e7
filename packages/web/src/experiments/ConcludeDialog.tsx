// Owns the conclude modal: the note the team keeps (what won and why), then status concluded.
import { useId, useState } from 'react';
import type { Experiment } from '../api/types';
import { Modal } from '../ui/Modal';
import { FieldError } from './FieldError';
import { useSave } from './useSave';

export function ConcludeDialog({ experiment, onClose }: { experiment: Experiment; onClose(): void }) {
  const [note, setNote] = useState(experiment.conclusion ?? '');
  const save = useSave(onClose);
  const id = useId();
  const err = save.errors.conclusion ?? save.errors.status;
  return (
    <Modal title={`Conclude “${experiment.name}”`} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.run(experiment.id, { status: 'concluded', conclusion: note });
        }}
      >
        <p className="muted">
          Concluding freezes the experiment: its results switch to fixed-horizon intervals, which are valid
          once nobody looks again to decide.
        </p>
        {save.banner ? (
          <div className="notice notice-error" role="alert">
            <strong>Not saved: {save.banner}</strong>
          </div>
        ) : null}
        <label className="block">
          Conclusion
          <textarea
            rows={4}
            value={note}
            placeholder="DPO wins on success rate (+4 pts); ship it to all traffic."
            onChange={(e) => setNote(e.target.value)}
            aria-describedby={err ? `${id}-c` : undefined}
          />
        </label>
        <FieldError id={`${id}-c`} messages={err} />
        <footer className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={save.pending}>
            {save.pending ? 'Saving…' : 'Conclude'}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
