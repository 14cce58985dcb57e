import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useApplyProposals, usePlansOf, useProposals, useProvinceCatalogue, type ProposalApplyResult, type ProposalsView } from '../templates-api.ts';
import { LEVEL_LABEL } from './TemplateCard.tsx';

type TemplateProposal = ProposalsView['templates'][number];
type Ticks = Record<string, { addElements: string[]; addReporters: string[]; dropReporters: string[] }>;

/** What is ticked when the proposals open: every addition; never a drop (the coordinator decides each one). */
const initialTicks = (p: ProposalsView): Ticks =>
  Object.fromEntries(
    p.templates.map((x) => [x.templateId, { addElements: x.elements.add.map((e) => e.code), addReporters: x.reporters.kind === 'agencies' ? x.reporters.add.map((a) => a.agencyId) : [], dropReporters: [] }]),
  );
/** Nothing ticked: to apply one proposal among many without unticking each of the others. */
const noTicks = (p: ProposalsView): Ticks => Object.fromEntries(p.templates.map((x) => [x.templateId, { addElements: [], addReporters: [], dropReporters: [] }]));
const changesOf = (ticks: Ticks) => Object.values(ticks).reduce((n, x) => n + x.addElements.length + x.addReporters.length + x.dropReporters.length, 0);

/** "Đề xuất từ kế hoạch": choose a plan, read what each template should carry and who owes it and why, tick, apply. */
export function ProposalsPanel({ provinceId, planId, onPlan }: { provinceId: string; planId: string | null; onPlan: (id: string | null) => void }) {
  const t = useT();
  const plans = usePlansOf(provinceId);
  const proposals = useProposals(planId);
  const items = plans.data?.items ?? [];
  // Kept here: the proposals read again after an apply remount the body (fresh ticks), the result stays shown.
  const [result, setResult] = useState<ProposalApplyResult | null>(null);
  return (
    <div data-testid="proposals">
      <Typography.Paragraph type="secondary">{t('reporting.tm.proposalsIntro')}</Typography.Paragraph>
      <Select<string>
        value={planId ?? undefined}
        onChange={(v) => (setResult(null), onPlan(v ?? null))}
        allowClear
        loading={plans.isPending}
        placeholder={t('reporting.tm.pickPlan')}
        notFoundContent={t('reporting.tm.noPlans')}
        showSearch={{ optionFilterProp: 'label' }}
        options={items.map((p) => ({ value: p.id, label: `${p.number ? `${p.number} · ` : ''}${p.title}` }))}
        style={{ width: '100%', maxWidth: 720, marginBottom: 16 }}
        popupMatchSelectWidth={false}
        data-testid="proposals-plan"
        aria-label={t('reporting.tm.pickPlan')}
      />
      {plans.isError ? <ErrorAlert error={plans.error} /> : null}
      {planId && proposals.isPending ? <Skeleton active /> : null}
      {proposals.isError ? <ErrorAlert error={proposals.error} /> : null}
      {planId && proposals.data ? <ProposalsBody key={`${planId}|${proposals.dataUpdatedAt}`} data={proposals.data} result={result} onResult={setResult} /> : null}
    </div>
  );
}

function ProposalsBody({ data, result, onResult }: { data: ProposalsView; result: ProposalApplyResult | null; onResult: (r: ProposalApplyResult | null) => void }) {
  const t = useT();
  const { modal } = App.useApp();
  const canApply = data.abilities.apply === true;
  const [ticks, setTicks] = useState<Ticks>(() => initialTicks(data));
  const apply = useApplyProposals(data.plan.id);
  const n = changesOf(ticks);
  const toggle = (templateId: string, list: keyof Ticks[string], id: string, on: boolean) =>
    setTicks((prev) => {
      const x = prev[templateId]!;
      return { ...prev, [templateId]: { ...x, [list]: on ? [...x[list], id] : x[list].filter((v) => v !== id) } };
    });
  const run = () =>
    modal.confirm({
      title: t('reporting.tm.applyConfirm', { n }),
      content: t('reporting.tm.applyExplain'),
      okText: t('reporting.tm.apply', { n }),
      cancelText: t('common.cancel'),
      // A refusal (409: a template changed meanwhile) closes the dialog and shows above the proposals.
      onOk: () =>
        apply
          .mutateAsync({
            planId: data.plan.id,
            templates: data.templates
              .filter((x) => {
                const k = ticks[x.templateId]!;
                return k.addElements.length + k.addReporters.length + k.dropReporters.length > 0;
              })
              .map((x) => ({ templateId: x.templateId, version: x.version, ...ticks[x.templateId]! })),
          })
          .then(onResult)
          .catch(() => undefined),
    });

  return (
    <>
      <Typography.Paragraph>
        <Link to={`/plans/${data.plan.id}`}>{data.plan.number ? `${data.plan.number} · ${data.plan.title}` : data.plan.title}</Link>{' '}
        <Typography.Text type="secondary">{t('reporting.tm.planSummary', { targets: formatNumber(data.plan.targetCount), tasks: formatNumber(data.plan.taskCount) })}</Typography.Text>
      </Typography.Paragraph>
      {result ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => onResult(null) }}
          style={{ marginBottom: 16 }}
          data-testid="proposals-result"
          title={t('reporting.tm.applied', { n: result.applied.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {result.applied.map((a) => (
                <li key={a.templateId}>{t('reporting.tm.appliedTemplate', { name: a.name, elements: a.addedElements.length, added: a.addedReporters.length, dropped: a.droppedReporters.length })}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <ErrorAlert error={apply.error} />
      {!canApply ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reporting.tm.readOnly')} /> : null}

      {data.templates.map((x) => (
        <TemplateProposalCard key={x.templateId} proposal={x} ticks={ticks[x.templateId]!} disabled={!canApply} onToggle={(list, id, on) => toggle(x.templateId, list, id, on)} />
      ))}

      <Notes data={data} />

      {canApply ? (
        <Flex justify="end" gap={8} wrap style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: 'var(--ant-color-bg-layout, #f5f5f5)' }}>
          <Button onClick={() => setTicks(noTicks(data))} disabled={n === 0} data-testid="proposals-untick-all">
            {t('reporting.tm.untickAll')}
          </Button>
          <Button onClick={() => setTicks(initialTicks(data))} data-testid="proposals-tick-additions">
            {t('reporting.tm.tickAdditions')}
          </Button>
          <Button type="primary" icon={<CheckOutlined />} disabled={n === 0} loading={apply.isPending} onClick={run} data-testid="proposals-apply">
            {t('reporting.tm.apply', { n })}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}

function Reasons({ reasons }: { reasons: string[] }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const shown = all ? reasons : reasons.slice(0, 2);
  return (
    <ul style={{ margin: '2px 0 0', paddingLeft: 18, fontSize: 12, color: 'var(--ant-color-text-secondary, #666)' }} data-testid="proposal-reasons">
      {shown.map((r) => (
        <li key={r}>{r}</li>
      ))}
      {reasons.length > shown.length ? (
        <li style={{ listStyle: 'none' }}>
          <Typography.Link onClick={() => setAll(true)} style={{ fontSize: 12 }}>
            {t('reporting.tm.moreReasons', { n: reasons.length - shown.length })}
          </Typography.Link>
        </li>
      ) : null}
    </ul>
  );
}

function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        {title}
      </Typography.Text>
      {children}
    </div>
  );
}

function TemplateProposalCard({
  proposal: x,
  ticks,
  disabled,
  onToggle,
}: {
  proposal: TemplateProposal;
  ticks: Ticks[string];
  disabled: boolean;
  onToggle: (list: keyof Ticks[string], id: string, on: boolean) => void;
}) {
  const t = useT();
  const r = x.reporters;
  const empty = x.elements.keep.length + x.elements.add.length === 0;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="proposal-card"
      data-template-code={x.code}
      title={
        <Flex gap={8} wrap align="center">
          <span style={{ whiteSpace: 'normal' }}>{x.name}</span>
          <Tag style={{ marginInlineEnd: 0 }}>{t(LEVEL_LABEL[x.level])}</Tag>
          {!x.active ? <Tag style={{ marginInlineEnd: 0 }}>{t('reporting.tm.inactive')}</Tag> : null}
        </Flex>
      }
    >
      <Section title={t('reporting.tm.elements')}>
        {empty ? <Typography.Text type="secondary">{t('reporting.tm.noElements')}</Typography.Text> : null}
        {x.elements.keep.length ? (
          <div style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary">{t('reporting.tm.kept')}:</Typography.Text>
            {x.elements.keep.map((e) => (
              <div key={e.code} data-testid="proposal-keep-element" data-code={e.code}>
                <Tag color="green" style={{ marginTop: 4 }}>
                  {e.name}
                </Tag>
                <Reasons reasons={e.reasons} />
              </div>
            ))}
          </div>
        ) : null}
        {x.elements.add.length ? (
          <div>
            <Typography.Text type="secondary">{t('reporting.tm.toAdd')}:</Typography.Text>
            {x.elements.add.map((e) => (
              <div key={e.code} style={{ marginTop: 4 }}>
                <Checkbox checked={ticks.addElements.includes(e.code)} disabled={disabled} onChange={(ev) => onToggle('addElements', e.code, ev.target.checked)} data-testid="proposal-add-element" data-code={e.code}>
                  {e.name}
                </Checkbox>
                <Reasons reasons={e.reasons} />
              </div>
            ))}
          </div>
        ) : null}
      </Section>
      <Section title={t('reporting.tm.reporters')}>
        {r.kind === 'communes' ? (
          r.owed ? (
            <>
              <Typography.Text>{t('reporting.tm.communesOwed')}</Typography.Text>
              <Reasons reasons={r.reasons} />
            </>
          ) : (
            <Typography.Text type="secondary">{t('reporting.tm.communesNotOwed')}</Typography.Text>
          )
        ) : r.kind === 'unchanged' ? (
          <Typography.Text type="secondary">{r.note}</Typography.Text>
        ) : (
          <>
            {r.everyAgency ? <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t('reporting.tm.everyAgency')}</Typography.Paragraph> : null}
            {r.keep.length ? (
              <details style={{ marginBottom: 8 }}>
                <summary style={{ cursor: 'pointer' }} data-testid="proposal-keep-reporters">
                  {t('reporting.tm.keepReporters', { n: formatNumber(r.keep.length) })}
                </summary>
                {r.keep.map((a) => (
                  <div key={a.agencyId} style={{ marginTop: 4 }}>
                    <Tag color="green">{a.name}</Tag>
                    <Reasons reasons={a.reasons} />
                  </div>
                ))}
              </details>
            ) : null}
            {r.add.length ? (
              <div style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary">{t('reporting.tm.addReporters')}:</Typography.Text>
                {r.add.map((a) => (
                  <div key={a.agencyId} style={{ marginTop: 4 }}>
                    <Checkbox checked={ticks.addReporters.includes(a.agencyId)} disabled={disabled} onChange={(ev) => onToggle('addReporters', a.agencyId, ev.target.checked)} data-testid="proposal-add-reporter">
                      {a.name}
                    </Checkbox>
                    <Reasons reasons={a.reasons} />
                  </div>
                ))}
              </div>
            ) : null}
            {r.dropCandidates.length ? (
              <div>
                <Typography.Text type="warning">{t('reporting.tm.dropCandidates')}:</Typography.Text>
                {r.dropCandidates.map((a) => (
                  <div key={a.agencyId} style={{ marginTop: 4 }}>
                    <Checkbox checked={ticks.dropReporters.includes(a.agencyId)} disabled={disabled} onChange={(ev) => onToggle('dropReporters', a.agencyId, ev.target.checked)} data-testid="proposal-drop-reporter">
                      {a.name}
                    </Checkbox>
                    <Reasons reasons={a.reasons} />
                  </div>
                ))}
              </div>
            ) : null}
          </>
        )}
      </Section>
    </Card>
  );
}

/** What the proposals cannot place: targets the catalogue does not measure, figures without a template, agencies no template lists, names to resolve. */
function Notes({ data }: { data: ProposalsView }) {
  const t = useT();
  const catalogue = useProvinceCatalogue(data.plan.provinceId);
  const indicatorName = (code: string) => catalogue.data?.indicators.find((i) => i.code === code)?.name ?? code;
  const blocks: { key: string; title: string; items: ReactNode[]; footer?: ReactNode }[] = [
    {
      key: 'unmeasured',
      title: t('reporting.tm.unmeasured'),
      items: data.unmeasured.map((u) => (
        <>
          “{u.text}” — {u.note}
          {u.candidates.length ? <Typography.Text type="secondary"> {t('reporting.tm.candidates', { codes: u.candidates.map(indicatorName).join('; ') })}</Typography.Text> : null}
        </>
      )),
      // The coordinator says there which indicator measures each of these targets, or that none does.
      footer: (
        <Link to={`/reports/catalogue?provinceId=${data.plan.provinceId}&tab=links&planId=${data.plan.id}`} data-testid="proposals-link-targets">
          {t('reporting.tm.linkTargets')}
        </Link>
      ),
    },
    { key: 'unplaced', title: t('reporting.tm.unplaced'), items: data.unplaced.map((e) => `${e.name} (${t(LEVEL_LABEL[e.level])})`) },
    { key: 'notReporters', title: t('reporting.tm.notReporters'), items: data.notReporters.map((a) => `${a.name}: ${a.reason}`) },
    {
      key: 'unresolved',
      title: t('reporting.tm.unresolved'),
      items: data.unresolved.map((u) => (
        <Link to={`/plans/${data.plan.id}?tab=tasks&unresolved=1`}>
          “{u.raw}” ({u.task})
        </Link>
      )),
    },
  ].filter((b) => b.items.length);
  if (!blocks.length) return data.templates.length ? null : <Empty description={t('reporting.tm.nothing')} />;
  return (
    <>
      {blocks.map((b) => (
        <Alert
          key={b.key}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid={`proposals-${b.key}`}
          title={b.title}
          description={
            <>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {b.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
              {b.footer ? <div style={{ marginTop: 8 }}>{b.footer}</div> : null}
            </>
          }
        />
      ))}
    </>
  );
}
