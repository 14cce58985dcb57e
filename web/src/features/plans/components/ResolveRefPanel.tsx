import { useState } from 'react';
import { Button, Checkbox, Divider, Flex, Input, Select, Typography } from 'antd';
import { AGENCY_KINDS, type AgencyKind } from '../../../../../shared/domain/agencies.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { RemoteSelect } from '../../../components/RemoteSelect.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n-context.tsx';
import { agencyKindLabel } from '../../../lib/labels.ts';
import { agencySearchIn, useAgencyGroups, useCreateAgency } from '../api.ts';
import { refState, type DraftRef, type Resolution } from '../model.ts';

type Props = {
  provinceId: string;
  value: DraftRef;
  /** Unresolved places with the same words (this one included). */
  twins: number;
  canCreate: boolean;
  onResolve: (r: Resolution, everywhere: boolean) => void;
};

const aliasOf = (raw: string, name: string) => {
  const r = raw.trim();
  return r && r.length <= 80 && r.toLowerCase() !== name.trim().toLowerCase() ? [r] : [];
};

/** Points a name of the plan to an agency of the province, a group, or a new agency added with that name. */
export function ResolveRefPanel({ provinceId, value, twins, canCreate, onResolve }: Props) {
  const { t, lang } = useI18n();
  const groups = useAgencyGroups(provinceId);
  const create = useCreateAgency();
  const [everywhere, setEverywhere] = useState(true);
  const [name, setName] = useState(value.raw);
  const [kind, setKind] = useState<AgencyKind | undefined>();
  const all = everywhere && twins > 1;

  return (
    <Flex vertical gap={8} style={{ width: 340, maxWidth: 'calc(100vw - 48px)' }} data-testid="resolve-panel">
      <Typography.Text strong>{t('import.resolveTitle', { raw: value.raw })}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{t('import.pickAgency')}</Typography.Text>
        <RemoteSelect
          cacheKey={['plan-agency', provinceId]}
          search={agencySearchIn(provinceId)}
          value={value.agencyId}
          initialLabel={value.agencyName}
          onChange={(id, option) => id && option && onResolve({ agencyId: id, agencyName: option.label }, all)}
          data-testid="resolve-agency"
        />
      </div>
      <div>
        <Typography.Text type="secondary">{t('import.pickGroup')}</Typography.Text>
        <Select<string>
          style={{ width: '100%' }}
          value={value.groupName ?? undefined}
          loading={groups.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(groups.data ?? []).map((g) => ({ value: g.name, label: t('import.groupOption', { name: g.name, n: formatNumber(g.memberCount) }) }))}
          onChange={(groupName) => onResolve({ groupName }, all)}
          data-testid="resolve-group"
        />
      </div>
      {canCreate ? (
        <>
          <Divider style={{ margin: '4px 0' }} />
          <Typography.Text type="secondary">{t('import.createAgency')}</Typography.Text>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={300} aria-label={t('agencies.name')} data-testid="resolve-new-name" />
          <Select<AgencyKind>
            value={kind}
            onChange={setKind}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('agencies.kindRequired')}
            options={AGENCY_KINDS.map((k) => ({ value: k, label: agencyKindLabel(lang, k) }))}
            data-testid="resolve-new-kind"
          />
          <ErrorAlert error={create.error} />
          <Button
            disabled={!name.trim() || !kind}
            loading={create.isPending}
            onClick={() =>
              kind &&
              create.mutate(
                // The words of the plan, when they differ from the name, become an abbreviation: the next import matches them.
                { unitId: provinceId, kind, name: name.trim(), abbreviations: aliasOf(value.raw, name) },
                { onSuccess: (a) => onResolve({ agencyId: a.id, agencyName: a.name }, all) },
              )
            }
            data-testid="resolve-create"
          >
            {t('import.create')}
          </Button>
        </>
      ) : null}
      {twins > 1 ? (
        <Checkbox checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} data-testid="resolve-everywhere">
          {t('import.applyAll', { n: twins })}
        </Checkbox>
      ) : null}
      {refState(value) !== 'unresolved' ? (
        <Button type="link" danger style={{ alignSelf: 'start', padding: 0 }} onClick={() => onResolve(null, false)} data-testid="resolve-clear">
          {t('import.unresolve')}
        </Button>
      ) : null}
    </Flex>
  );
}
