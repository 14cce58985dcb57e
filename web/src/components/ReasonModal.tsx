import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { ErrorAlert } from './ErrorAlert.tsx';
import { applyFieldErrors } from '../lib/forms.ts';
import { useT } from '../lib/i18n-context.tsx';

/** Asks why a report is returned or reopened: whoever reported reads the reason to correct it (tracking, reporting). */
export function ReasonModal({ title, okText, label, requiredMessage, onSubmit, onClose }: { title: string; okText: string; label: string; requiredMessage: string; onSubmit: (reason: string) => Promise<unknown>; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<{ path: string; message: string }[]>([]);
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'reason-submit' }}
      destroyOnHidden
      data-testid="reason-modal"
    >
      <ErrorAlert error={error} details={unmatched} />
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await onSubmit(v.reason.trim());
            onClose();
          } catch (e) {
            setError(e);
            setUnmatched(applyFieldErrors(form, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: requiredMessage }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
