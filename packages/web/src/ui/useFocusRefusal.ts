// Owns where a refused form save sends the eye: the first field marked invalid, else the form's error banner.
import { type RefObject, useEffect, useState } from 'react';

/** Returns `refused`: call it after a save the API (or the form's own check) refused. */
export function useFocusRefusal(formRef: RefObject<HTMLFormElement | null>): () => void {
  const [refusals, setRefusals] = useState(0);
  // After the render that marked the fields: focus the first one (scrolled into view), else show the banner.
  useEffect(() => {
    if (refusals === 0) return;
    const f = formRef.current;
    const target =
      f?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      f?.querySelector<HTMLElement>('[role="alert"]');
    target?.scrollIntoView({ block: 'center' });
    if (target?.matches('input, textarea, select')) target.focus();
  }, [refusals, formRef]);
  return () => setRefusals((n) => n + 1);
}
