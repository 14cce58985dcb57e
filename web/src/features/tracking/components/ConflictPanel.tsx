import { Alert, Button, Card, Col, Flex, Row, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import type { DraftValues } from '../model.ts';
import { ProgressTag } from './Tags.tsx';

type Theirs = DraftValues & { by: string | null; at: string | null };

/**
 * The server refused a save because someone else saved first (409): their current text next to what the person
 * typed, and the choice of which to keep. When the record can no longer be edited, the person's text stays
 * visible (to copy) and only "use the current version" is offered.
 */
export function ConflictPanel({
  message,
  theirs,
  mine,
  editable,
  onKeepMine,
  onTakeTheirs,
}: {
  message: string | null;
  theirs: Theirs | null;
  mine: DraftValues;
  editable: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const t = useT();
  const side = (title: string, v: DraftValues, by: string | null, at: string | null, testId: string) => (
    <Card size="small" title={title} style={{ height: '100%' }} data-testid={testId}>
      <Flex vertical gap={6}>
        <div>
          <ProgressTag progress={v.progress} testId={`${testId}-progress`} />
        </div>
        <Typography.Paragraph copyable={!!v.text} style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid={`${testId}-text`}>
          {v.text || <Typography.Text type="secondary">{t('tracking.conflict.empty')}</Typography.Text>}
        </Typography.Paragraph>
        {by || at ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tracking.by', { name: by ?? '—', at: formatDateTime(at) })}
          </Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="conflict-panel"
      title={t('tracking.conflict.title')}
      description={
        <Flex vertical gap={8}>
          {message ? <span data-testid="conflict-message">{message}</span> : null}
          <span>{editable ? t('tracking.conflict.explain') : t('tracking.conflict.locked')}</span>
          <Row gutter={[8, 8]}>
            <Col xs={24} md={12}>
              {theirs ? side(t('tracking.conflict.theirs'), theirs, theirs.by, theirs.at, 'conflict-theirs') : null}
            </Col>
            <Col xs={24} md={12}>
              {side(t('tracking.conflict.mine'), mine, null, null, 'conflict-mine')}
            </Col>
          </Row>
          <Flex gap={8} wrap justify="flex-end">
            <Button onClick={onTakeTheirs} data-testid="conflict-take-theirs">
              {t('tracking.conflict.takeTheirs')}
            </Button>
            {editable ? (
              <Button type="primary" onClick={onKeepMine} data-testid="conflict-keep-mine">
                {t('tracking.conflict.keepMine')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      }
    />
  );
}
