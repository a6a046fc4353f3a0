// The top of every page: its title (the one <h1>), an optional line under it, a way back and
// the page's main actions on the right.
import type { ReactNode } from 'react';
import { Link } from '../router/hash-router.js';

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  back?: { to: string; label: string; query?: Record<string, string> };
  actions?: ReactNode;
}

export function PageHeader({ title, subtitle, back, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div className="page-header__text">
        {back ? (
          <Link to={back.to} query={back.query} className="page-header__back">
            ← {back.label}
          </Link>
        ) : null}
        <h1 className="page-header__title">{title}</h1>
        {subtitle ? <p className="page-header__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}
