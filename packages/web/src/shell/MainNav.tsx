// Owns the top bar's page links (Dashboard | Traces | Experiments | Cohorts | Alerts); the current one is marked for sighted and screen-reader users.
import { Link } from '../router/Link';
import { useLocation } from '../router/useLocation';

const PAGES = [
  { href: '/', label: 'Dashboard', current: (path: string) => path === '/' },
  {
    href: '/traces',
    label: 'Traces',
    // A conversation is reached from a trace or a judgment; it reads as part of the trace viewer.
    current: (path: string) => path.startsWith('/traces') || path.startsWith('/conversations/'),
  },
  { href: '/experiments', label: 'Experiments', current: (path: string) => path.startsWith('/experiments') },
  { href: '/cohorts', label: 'Cohorts', current: (path: string) => path.startsWith('/cohorts') },
  { href: '/alerts', label: 'Alerts', current: (path: string) => path.startsWith('/alerts') },
];

export function MainNav() {
  const { path } = useLocation();
  return (
    <nav className="main-nav" aria-label="Pages">
      {PAGES.map((p) => (
        <Link key={p.href} href={p.href} aria-current={p.current(path) ? 'page' : undefined}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
