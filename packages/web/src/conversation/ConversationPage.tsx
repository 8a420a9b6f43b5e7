// Owns the conversation page (/conversations/:id): the thread as chat bubbles, the conversation's facts and
// the traces its messages came from; a message named in the URL's #message-<id> is scrolled to and marked.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError } from '../api/api';
import { Link } from '../router/Link';
import { useLocation } from '../router/useLocation';
import { tracesHref } from '../traces/traceFilters';
import { fetchConversation } from '../traces/tracesApi';
import { formatTime } from '../ui/formatTime';
import { Notice } from '../ui/Notice';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { MessageBubble } from './MessageBubble';

/** The message id of a `#message-<id>` fragment (null for any other, or a malformed escape). */
function messageTarget(hash: string): string | null {
  if (!hash.startsWith('message-')) return null;
  try {
    return decodeURIComponent(hash.slice('message-'.length));
  } catch {
    return null;
  }
}

export function ConversationPage({ id }: { id: string }) {
  const { hash } = useLocation();
  const target = messageTarget(hash);
  const conv = useQuery({
    queryKey: ['conversations', id],
    queryFn: ({ signal }) => fetchConversation(id, signal),
  });
  useDocumentTitle(`Conversation ${id}`);
  const ready = Boolean(conv.data);
  useEffect(() => {
    if (ready && target) document.getElementById(`message-${target}`)?.scrollIntoView({ block: 'center' });
  }, [ready, target]);
  if (conv.isPending) {
    return (
      <main className="page">
        <div className="skeleton table-skeleton" role="progressbar" aria-label="Loading conversation" />
      </main>
    );
  }
  if (conv.isError) {
    const missing = conv.error instanceof ApiError && conv.error.status === 404;
    return (
      <main className="page" data-state={missing ? 'not-found' : 'error'}>
        <Notice
          kind={missing ? 'empty' : 'error'}
          title={missing ? 'No such conversation' : 'Could not load the conversation'}
        >
          {missing ? `This workspace has no conversation ${id}.` : conv.error.message}{' '}
          <Link href="/">Back to the dashboard</Link>
        </Notice>
      </main>
    );
  }
  const { conversation: c, messages, trace_ids } = conv.data;
  const facts: [string, string][] = [
    ['Started', formatTime(c.created_at)],
    ['User', c.user_id ?? '—'],
    ['Session', c.session_id ?? '—'],
    ['Messages', String(messages.length)],
  ];
  if (c.experiment_name) facts.push(['Experiment', c.experiment_name]);
  if (c.is_widget_session) facts.push(['Widget session', 'yes']);
  return (
    <main className="page conversation-page" id="conversation" data-state="ready">
      <section className="trace-summary" aria-label="Conversation summary">
        <p className="breadcrumb">
          <Link href="/">Dashboard</Link> / conversation
        </p>
        <h1>
          Conversation <code>{c.id}</code>
        </h1>
        <dl className="facts facts-inline">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        {trace_ids.length ? (
          <p className="span-links">
            Traces:{' '}
            {trace_ids.map((t, i) => (
              <span key={t}>
                {i ? ', ' : ''}
                <Link href={`/traces/${encodeURIComponent(t)}`}>
                  <code>{t.slice(0, 12)}…</code>
                </Link>
              </span>
            ))}
            {' · '}
            <Link href={tracesHref({ conversation: c.id })}>in the trace list</Link>
          </p>
        ) : null}
      </section>
      {messages.length === 0 ? (
        <Notice kind="empty" title="No messages">
          This conversation has no messages yet.
        </Notice>
      ) : (
        <ol className="thread" aria-label="Messages">
          {messages.map((m) => (
            <MessageBubble key={m.id} message={m} highlighted={m.id === target} />
          ))}
        </ol>
      )}
    </main>
  );
}
