import { Breadcrumb, Card, Descriptions, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { unitLevelLabel } from '../../../lib/labels.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import type { UnitDetail } from '../api.ts';

export function UnitBreadcrumb({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  return (
    <Breadcrumb
      data-testid="unit-breadcrumb"
      style={{ marginBottom: 8 }}
      items={[
        { key: 'root', title: <Link to="/units">{t('nav.units')}</Link> },
        ...unit.ancestors.map((a) => ({ key: a.id, title: <Link to={`/units/${a.id}`}>{a.name}</Link> })),
        { key: unit.id, title: unit.name },
      ]}
    />
  );
}

/** Kind, code, level, edition and validity of a unit, with the link to the agencies attached to it. */
export function UnitOverview({ unit }: { unit: UnitDetail }) {
  const { t, lang } = useI18n();
  const validity = unit.validTo
    ? t('units.validRange', { from: formatDate(unit.validFrom) || '…', to: formatDate(unit.validTo) })
    : unit.validFrom
      ? t('units.validSince', { from: formatDate(unit.validFrom) })
      : '—';
  return (
    <Card style={{ marginBottom: 16 }} data-testid="unit-overview">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'kind', label: t('units.kind'), children: unit.kind },
          { key: 'code', label: t('units.code'), children: unit.code },
          { key: 'level', label: t('units.level'), children: unitLevelLabel(lang, unit.level) },
          {
            key: 'edition',
            label: t('units.edition'),
            children: unit.edition === '2025' ? t('units.edition2025') : <Tag color="orange">{t('units.editionPre2025')}</Tag>,
          },
          {
            key: 'validity',
            label: t('units.validity'),
            children: (
              <span data-testid="unit-validity">
                {validity} {unit.validTo ? <Tag>{t('units.retired')}</Tag> : null}
              </span>
            ),
          },
          { key: 'official', label: t('units.source'), children: unit.official ? t('units.official') : t('units.localEntry') },
          {
            key: 'agencies',
            label: t('units.agencies'),
            children: (
              <Link to={`/agencies?unitId=${unit.id}`} data-testid="unit-agencies-link">
                {t('units.agencyCount', { n: formatNumber(unit.agencyCount) })}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
