import { useState } from 'react';
import { Button, Input } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { ROLES, ROLES_GRANTABLE_BY_COORDINATOR } from '../../../../../shared/domain/roles.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useT } from '../../../lib/i18n-context.tsx';
import { isAdmin, useMe } from '../../../lib/session.tsx';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { useUsers } from '../api.ts';
import { CreateUserDrawer } from './CreateUserDrawer.tsx';
import { EditUserDrawer } from './EditUserDrawer.tsx';
import { UserTable } from './UserTable.tsx';

const PAGE_SIZE = 20;

export function UsersBrowser() {
  const t = useT();
  const me = useMe();
  const roles = isAdmin(me) ? ROLES : ROLES_GRANTABLE_BY_COORDINATOR;
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const open = params.get('id');
  const list = useUsers({ q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const setOpen = (id: string | null) => {
    const p = new URLSearchParams(params);
    if (id) p.set('id', id);
    else p.delete('id');
    setParams(p);
  };
  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      <Input.Search
        allowClear
        placeholder={t('users.searchPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setPage(1);
        }}
        style={{ width: 360, maxWidth: '100%', marginBottom: 16 }}
        data-testid="user-search"
      />
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <UserTable rows={list.data?.items ?? []} total={list.data?.total ?? 0} loading={list.isFetching} page={page} pageSize={PAGE_SIZE} onPage={setPage} onOpen={setOpen} />
      {creating ? <CreateUserDrawer roles={roles} onClose={() => setCreating(false)} /> : null}
      {open ? <EditUserDrawer id={open} roles={roles} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
