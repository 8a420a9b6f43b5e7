// Owns the inline notice box used for errors, empty states and hints.
import type { ReactNode } from 'react';

export function Notice(props: { kind: 'error' | 'empty' | 'info'; title: string; children?: ReactNode }) {
  return (
    <div className={`notice notice-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      <strong>{props.title}</strong>
      {props.children ? <div className="notice-body">{props.children}</div> : null}
    </div>
  );
}
