/** A page's title and what it is for, and sets the document title. */
import { useEffect, type ReactNode } from 'react';

/** The page's `<h1>`, an optional one-line description and actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}): ReactNode {
  useEffect(() => {
    document.title = `${title} · LMO`;
  }, [title]);
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {description === undefined ? null : <p className="lead">{description}</p>}
      </div>
      {actions === undefined ? null : <div className="actions">{actions}</div>}
    </header>
  );
}
