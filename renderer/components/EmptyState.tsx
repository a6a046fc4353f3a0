// What a list shows when it has nothing: says why, and offers the next step.
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  body?: ReactNode;
  action?: ReactNode;
  /** Smaller variant inside cards and tables. */
  compact?: boolean;
}

export function EmptyState({ title, body, action, compact }: EmptyStateProps) {
  return (
    <div className={compact ? 'empty-state empty-state--compact' : 'empty-state'} role="status">
      <div className="empty-state__mark" aria-hidden="true">
        ○
      </div>
      <p className="empty-state__title">{title}</p>
      {body ? <div className="empty-state__body">{body}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
