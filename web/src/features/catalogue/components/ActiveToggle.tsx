import { App, Button } from 'antd';
import { StopOutlined, UndoOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../lib/api.ts';
import { useT } from '../../../lib/i18n-context.tsx';

/**
 * "Ngừng sử dụng" / "Dùng lại", after a confirmation. A refusal (409: still used, or changed meanwhile) is shown
 * in its own dialog with the server's words, so it is read rather than missed in a passing toast.
 */
export function ActiveToggle({ active, name, warning, run }: { active: boolean; name: string; warning?: string; run: (active: boolean) => Promise<unknown> }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const ask = () =>
    modal.confirm({
      title: t(active ? 'catalogue.retireConfirm' : 'catalogue.restoreConfirm', { name }),
      content: active ? [t('catalogue.retireExplain'), warning].filter(Boolean).join(' ') : t('catalogue.restoreExplain'),
      okText: t(active ? 'catalogue.retire' : 'catalogue.restore'),
      okButtonProps: active ? { danger: true } : undefined,
      cancelText: t('common.cancel'),
      onOk: () =>
        run(!active).then(
          () => void message.success(t(active ? 'catalogue.retireDone' : 'catalogue.restoreDone')),
          (e: unknown) => void modal.error({ title: t(active ? 'catalogue.retireFailed' : 'catalogue.restoreFailed'), content: errorMessage(e), okText: t('catalogue.ok') }),
        ),
    });
  return (
    <Button size="small" icon={active ? <StopOutlined /> : <UndoOutlined />} danger={active} onClick={ask} data-testid={active ? 'catalogue-retire' : 'catalogue-restore'}>
      {t(active ? 'catalogue.retire' : 'catalogue.restore')}
    </Button>
  );
}
