import { Select } from 'antd';
import { useT } from '../../../lib/i18n-context.tsx';
import { useProvincePlans, type PlanRef } from '../api.ts';
import { planOptions } from '../model.ts';

type Props = {
  provinceId: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Plans not offered (the plan itself). */
  exclude?: (string | null | undefined)[];
  /** Plans already named (the current value), labelled while the list loads or when it is not among the most recent. */
  known?: (PlanRef | null | undefined)[];
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  'data-testid'?: string;
};

/** One of the other plans of a province, searched by number and title (implemented, amended, compared with). */
export function PlanSelect({ provinceId, value, onChange, exclude = [], known = [], placeholder, allowClear = true, id, ...rest }: Props) {
  const t = useT();
  const plans = useProvincePlans(provinceId);
  const listed = plans.data?.items ?? [];
  const extra = known.filter((p): p is PlanRef => !!p && !listed.some((x) => x.id === p.id));
  return (
    <Select<string>
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear={allowClear}
      loading={plans.isPending}
      placeholder={placeholder ?? t('plans.pickPlan')}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={t('plans.noOtherPlans')}
      options={planOptions([...extra, ...listed], exclude)}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(640px, calc(100vw - 32px))' } } }}
    />
  );
}
