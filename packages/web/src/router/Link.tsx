// Owns in-app links: a real <a href> (middle-click, copy link, open in new tab work) that navigates without a
// page load on a plain left click.
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { locationStore } from './locationStore';

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    e.preventDefault();
    locationStore.navigate(href);
  };
  return <a href={href} onClick={click} {...rest} />;
}
