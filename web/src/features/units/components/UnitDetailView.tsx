import { Tag } from 'antd';
import { PageHeader } from '../../../components/PageHeader.tsx';
import type { UnitDetail } from '../api.ts';
import { AddVillageForm } from './AddVillageForm.tsx';
import { UnitActions } from './UnitActions.tsx';
import { UnitChildren } from './UnitChildren.tsx';
import { UnitHistoryCard } from './UnitHistoryCard.tsx';
import { UnitBreadcrumb, UnitOverview } from './UnitOverview.tsx';

export function UnitDetailView({ unit }: { unit: UnitDetail }) {
  return (
    <div data-testid="unit-detail" data-unit-id={unit.id}>
      <PageHeader
        title={
          <>
            {unit.name} <Tag style={{ verticalAlign: 'middle' }}>{unit.kind}</Tag>
          </>
        }
        extra={<UnitActions unit={unit} />}
      >
        <UnitBreadcrumb unit={unit} />
      </PageHeader>
      <UnitOverview unit={unit} />
      {unit.abilities.addVillage ? <AddVillageForm unit={unit} /> : null}
      {unit.level !== 'village' ? <UnitChildren unit={unit} /> : null}
      <UnitHistoryCard unit={unit} />
    </div>
  );
}
