/**
 * @module The dashboards at `/dashboards`: every dashboard with its title, latest published version
 * and whether a draft is pending; its name opens the viewer, "Edit" the designer. A new dashboard
 * (key and title) opens in the designer and is stored on its first save, as it needs a card.
 */
import { Link, useNavigate } from 'react-router';
import { definitionKeySchema } from '../../engine/definitions/common-schemas';
import { useMessages } from '../i18n/define-messages';
import { DefinitionTable } from '../lists/definition-table';
import { NewDefinitionForm, newDefinitionLabels } from '../lists/new-definition-form';
import { useDefinitionList } from '../lists/use-definition-list';
import { dashboardEditMessages } from './dashboard-edit-messages';
import { dashboardEditPath, dashboardPath } from './dashboard-edit-paths';
import { dashboardsApi } from './dashboards-api';
import './dashboard-edit.css';

const KEY_PATTERN = new RegExp(definitionKeySchema.pattern);

function NewDashboard() {
  const t = useMessages(dashboardEditMessages);
  const navigate = useNavigate();
  return (
    <NewDefinitionForm
      kind="dashboard"
      keyPattern={KEY_PATTERN}
      current={dashboardsApi.current}
      labels={newDefinitionLabels(t)}
      onCreate={(key, { zh, en }) => {
        const title: Record<string, string> = {};
        if (zh) title['zh-CN'] = zh;
        if (en) title.en = en;
        void navigate(dashboardEditPath(key), { state: { title } });
      }}
    />
  );
}

export function DashboardListPage() {
  const t = useMessages(dashboardEditMessages);
  const { items, error } = useDefinitionList(dashboardsApi.list);

  return (
    <div className="dashboard-list">
      <h1>{t('list.title')}</h1>
      {error && (
        <p className="error" role="alert">
          {t('loadFailed', { message: error })}
        </p>
      )}
      {items === null && !error && <p className="muted">{t('loading')}</p>}
      {items?.length === 0 && <p className="muted">{t('list.empty')}</p>}
      {items && items.length > 0 && (
        <DefinitionTable
          items={items}
          hrefFor={dashboardPath}
          labels={{
            name: t('list.name'),
            key: t('list.key'),
            version: t('list.version'),
            notPublished: t('list.notPublished'),
            draft: t('list.draft'),
            open: (name) => t('list.open', { name }),
            actions: t('list.actions'),
          }}
          actions={(item, name) => (
            <Link to={dashboardEditPath(item.key)} aria-label={t('list.editLabel', { name })}>
              {t('list.edit')}
            </Link>
          )}
        />
      )}
      <NewDashboard />
    </div>
  );
}
