import { Typography } from 'antd';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { COMPARATOR_LABEL, type Comparator } from '../../../lib/labels.ts';

type Props = { comparator: Comparator; value: number; unit: string; year: number | null; eachCommune?: boolean };

/** "ít nhất 70% · năm 2030": the comparator's words, the value in the Vietnamese way, its unit and year. */
export function TargetValue({ comparator, value, unit, year, eachCommune }: Props) {
  const t = useT();
  const amount = unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
  return (
    <span data-testid="target-value">
      <Typography.Text type="secondary">{t(COMPARATOR_LABEL[comparator])} </Typography.Text>
      <Typography.Text strong>{amount}</Typography.Text>
      {eachCommune ? <Typography.Text type="secondary"> {t('plans.eachCommune')}</Typography.Text> : null}
      {year ? <Typography.Text type="secondary"> · {t('plans.byYear', { year })}</Typography.Text> : null}
    </span>
  );
}
