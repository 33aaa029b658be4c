/**
 * @module The table of the forms and reports lists: name (a link to the designer), key, and latest
 * published version with a badge when a draft is pending; optionally a last column of further links
 * per row (the dashboards list: the name opens the viewer, "Edit" the designer).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { pickText, useLocale } from '../i18n/locale-context';

export interface DefinitionRow {
  key: string;
  title?: { 'zh-CN'?: string; en?: string } | null;
  latestVersion: number | null;
  hasDraft: boolean;
}

export interface DefinitionTableLabels {
  name: string;
  key: string;
  version: string;
  notPublished: string;
  draft: string;
  open: (name: string) => string;
  /** The heading of the `actions` column, when there is one. */
  actions?: string;
}

export function DefinitionTable({
  items,
  hrefFor,
  labels,
  actions,
}: {
  items: DefinitionRow[];
  hrefFor: (key: string) => string;
  labels: DefinitionTableLabels;
  /** Further links of a row (shown in a last column), given the row and its shown name. */
  actions?: (item: DefinitionRow, name: string) => ReactNode;
}) {
  const { locale } = useLocale();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{labels.name}</th>
            <th>{labels.key}</th>
            <th>{labels.version}</th>
            {actions && <th>{labels.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = pickText(item.title ?? undefined, locale) || item.key;
            return (
              <tr key={item.key}>
                <td>
                  <Link to={hrefFor(item.key)} aria-label={labels.open(name)}>
                    {name}
                  </Link>
                </td>
                <td className="mono">{item.key}</td>
                <td>
                  {item.latestVersion === null ? (
                    <span className="muted">{labels.notPublished}</span>
                  ) : (
                    `v${item.latestVersion}`
                  )}
                  {item.hasDraft && <span className="badge">{labels.draft}</span>}
                </td>
                {actions && <td>{actions(item, name)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
