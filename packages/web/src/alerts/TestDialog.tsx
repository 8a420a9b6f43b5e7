// Owns the "send test" dialog: one test notification of a saved rule to each of its channels, and the result.
import type { AlertRule } from '@llm-analytics/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Modal } from '../ui/Modal';
import { Notice } from '../ui/Notice';
import { alertsApi } from './alertsApi';
import { DeliveryList } from './DeliveryList';
import { RULES_KEY } from './useAlertRules';

export function TestDialog({ rule, onClose }: { rule: AlertRule; onClose(): void }) {
  const qc = useQueryClient();
  const test = useMutation({
    mutationFn: () => alertsApi.test(rule.id),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: ['alerts', 'history'] });
      await qc.invalidateQueries({ queryKey: RULES_KEY });
    },
  });
  const { mutate } = test;
  // Opening the dialog is the click on "Send test": send at once, once (StrictMode runs effects twice).
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate();
  }, [mutate]);
  const event = test.data?.event;
  return (
    <Modal title={`Test of “${rule.name}”`} onClose={onClose}>
      <div
        data-testid="test-result"
        data-state={test.isPending ? 'sending' : test.isError ? 'error' : 'done'}
      >
        {test.isPending ? (
          <p role="progressbar" aria-label="Sending the test">
            Sending a test notification to {rule.channels.length} channel
            {rule.channels.length === 1 ? '' : 's'}…
          </p>
        ) : test.isError ? (
          <Notice kind="error" title="The test was not sent">
            {test.error.message}
          </Notice>
        ) : event ? (
          <>
            <p>
              {event.suppressed ? `Not sent: ${event.suppressed}.` : 'Sent once to each channel, no retries:'}
            </p>
            <DeliveryList deliveries={event.deliveries} channels={rule.channels} />
          </>
        ) : null}
      </div>
      <footer className="modal-actions">
        <button type="button" disabled={test.isPending} onClick={() => test.mutate()}>
          Send again
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </footer>
    </Modal>
  );
}
