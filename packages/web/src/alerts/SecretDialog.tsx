// Owns showing the signing secrets of newly created webhook channels, once, each with a copy button.
import { useState } from 'react';
import { Modal } from '../ui/Modal';

export interface ShownSecret {
  channel: string;
  secret: string;
}

function SecretRow({ s }: { s: ShownSecret }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(s.secret);
      setCopied('yes');
    } catch {
      setCopied('no'); // no clipboard permission (plain http): the text stays selectable
    }
  };
  return (
    <li>
      <strong>{s.channel}</strong>
      <div className="form-row">
        <code className="secret" data-testid="webhook-secret">
          {s.secret}
        </code>
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        {copied ? (
          <span role="status">{copied === 'yes' ? 'Copied' : 'Select the text and copy it'}</span>
        ) : null}
      </div>
    </li>
  );
}

export function SecretDialog({ secrets, onClose }: { secrets: ShownSecret[]; onClose(): void }) {
  return (
    <Modal title="Webhook signing secret" onClose={onClose}>
      <p>
        Verify each request with this secret (Standard Webhooks: HMAC-SHA256 of{' '}
        <code>webhook-id.webhook-timestamp.body</code>). It is shown only now; the rule keeps its last four
        characters.
      </p>
      <ul className="plain">
        {secrets.map((s) => (
          <SecretRow key={s.channel + s.secret} s={s} />
        ))}
      </ul>
      <footer className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </footer>
    </Modal>
  );
}
