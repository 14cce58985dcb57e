import { Card, Empty, Flex, Typography } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
import { TARGET_GROUP_LABEL } from '../../../lib/labels.ts';
import { groupTargets, type TargetView } from '../model.ts';
import { TargetValue } from './TargetValue.tsx';

/** The plan's quantified targets, by group (literacy, competences, institutions, learning models, other). */
export function TargetsTab({ targets }: { targets: TargetView[] }) {
  const t = useT();
  if (!targets.length) return <Empty description={t('plans.noTargets')} />;
  return (
    <Flex vertical gap={16} data-testid="plan-targets">
      {groupTargets(targets).map((g) => (
        <Card key={g.group} size="small" title={`${t(TARGET_GROUP_LABEL[g.group])} (${g.targets.length})`} data-testid={`target-group-${g.group}`}>
          <Flex vertical>
            {g.targets.map((x) => (
              <div key={x.id} className="plan-target" data-testid="target-row">
                <div>
                  <Typography.Text>{x.indicator}</Typography.Text>
                  {x.text && x.text !== x.indicator ? (
                    <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2, expandable: true, symbol: '…' }}>
                      {x.text}
                    </Typography.Paragraph>
                  ) : null}
                </div>
                <div className="plan-target-value">
                  <TargetValue comparator={x.comparator} value={x.value} unit={x.unit} year={x.year} eachCommune={x.scope === 'eachCommune'} />
                </div>
              </div>
            ))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
