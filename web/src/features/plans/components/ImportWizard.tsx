import { useEffect, useRef, useState } from 'react';
import { App, Button, Form, Popconfirm, Steps, Typography } from 'antd';
import { useBlocker, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useT } from '../../../lib/i18n-context.tsx';
import { useCommitPlan, type PlanPreview } from '../api.ts';
import { draftToCommitInput, mapFieldErrors, previewToDraft, unresolvedCount, type Draft, type MappedErrors, type PlanLinks, type PlanStatus } from '../model.ts';
import type { HeaderValues } from './DraftHeaderForm.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { SaveStep } from './SaveStep.tsx';
import { UploadStep, type ProvinceChoice } from './UploadStep.tsx';

type Stage = 'file' | 'review' | 'save';
const LINK_FIELDS = { implementsPlanId: true, amendsPlanId: true };
const LINK_PATHS = Object.keys(LINK_FIELDS).map((k) => `plan.${k}`);
const STAGES: Stage[] = ['file', 'review', 'save'];

/**
 * Import a plan: choose the file, review what was read, save. Nothing is written before the last step;
 * leaving or cancelling drops the preview (after a confirmation once there is something to lose).
 */
export function ImportWizard({ choice, canCreateAgency }: { choice: ProvinceChoice; canCreateAgency: boolean }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [stage, setStage] = useState<Stage>('file');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<MappedErrors | null>(null);
  const [status, setStatus] = useState<PlanStatus>('draft');
  const [links, setLinks] = useState<PlanLinks>({ implementsPlanId: null, amendsPlanId: null });
  const [form] = Form.useForm<HeaderValues>();
  const commit = useCommitPlan();
  const done = useRef(false);

  // Leaving the page with a preview under review asks first (in-app links and the browser's own navigation).
  const dirty = draft !== null;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !done.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('import.cancelTitle'),
      content: t('import.cancelExplain'),
      okText: t('import.discard'),
      okButtonProps: { danger: true },
      cancelText: t('import.keep'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
    // Once per blocked navigation: the blocker object itself may change identity while blocked.
  }, [blocker.state]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const onPreview = (p: PlanPreview) => {
    setDraft(previewToDraft(p));
    setErrors(null);
    setStage('review');
  };
  const change = (next: Draft, touched?: string) => {
    setDraft(next);
    // An item the coordinator has just corrected no longer shows the server's complaint about it.
    if (touched && errors?.items[touched]) {
      const items = { ...errors.items };
      delete items[touched];
      setErrors({ ...errors, items });
    }
  };
  const cancel = () => {
    done.current = true;
    navigate('/plans');
  };
  const toSave = () =>
    form.validateFields().then(
      () => setStage('save'),
      () => window.scrollTo({ top: 0, behavior: 'smooth' }),
    );
  const save = () => {
    if (!draft) return;
    const committed = draft;
    commit.mutate(draftToCommitInput(committed, status, links), {
      onSuccess: (plan) => {
        done.current = true;
        message.success(t('import.saved'));
        navigate(`/plans/${plan.id}`, { replace: true });
      },
      onError: (e) => {
        if (e instanceof ApiError && e.details.length) {
          const mapped = mapFieldErrors(e.details, committed);
          setErrors(mapped);
          // A refused link to another plan is corrected here, on the save step; anything else in the review.
          if (e.details.every((d) => LINK_PATHS.includes(d.path))) return;
          setStage('review');
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }
      },
    });
  };

  const unresolved = draft ? unresolvedCount(draft) : { refs: 0, names: 0 };
  const saveLabel = unresolved.refs ? t('import.saveUnresolved', { n: unresolved.names }) : t('import.save');
  const cancelButton = dirty ? (
    <Popconfirm title={t('import.cancelTitle')} description={t('import.cancelExplain')} okText={t('import.discard')} okButtonProps={{ danger: true }} cancelText={t('import.keep')} onConfirm={cancel}>
      <Button data-testid="import-cancel">{t('import.cancel')}</Button>
    </Popconfirm>
  ) : (
    <Button onClick={cancel} data-testid="import-cancel">
      {t('import.cancel')}
    </Button>
  );

  return (
    <div data-testid="plan-import">
      <PageHeader title={t('plans.import')} extra={stage === 'file' ? cancelButton : null} />
      <Steps
        size="small"
        responsive={false}
        current={STAGES.indexOf(stage)}
        style={{ marginBottom: 16 }}
        items={[{ title: t('import.stepFile') }, { title: t('import.stepReview') }, { title: t('import.stepSave') }]}
      />
      {stage === 'file' || !draft ? <UploadStep choice={choice} onPreview={onPreview} /> : null}
      {stage === 'review' && draft ? <ReviewStep draft={draft} form={form} errors={errors} canCreate={canCreateAgency} onChange={change} /> : null}
      {stage === 'save' && draft ? (
        <SaveStep
          draft={draft}
          unresolved={unresolved}
          status={status}
          onStatus={setStatus}
          links={links}
          onLinks={(l) => {
            setLinks(l);
            if (errors) setErrors({ ...errors, plan: Object.fromEntries(Object.entries(errors.plan).filter(([k]) => !(k in LINK_FIELDS))) });
          }}
          linkErrors={errors?.plan ?? {}}
          error={commit.error instanceof ApiError && commit.error.details.length ? null : commit.error}
        />
      ) : null}
      {stage === 'file' ? null : (
        <div className="plan-actions" data-testid="import-actions">
          {draft && stage === 'review' && unresolved.refs ? (
            <Typography.Text type="danger" style={{ marginRight: 'auto' }} data-testid="import-unresolved-count">
              {t('import.unresolvedLeft', { n: unresolved.names })}
            </Typography.Text>
          ) : null}
          {cancelButton}
          {stage === 'review' ? (
            <Button type="primary" onClick={toSave} data-testid="import-next">
              {t('import.next')}
            </Button>
          ) : null}
          {stage === 'save' ? (
            <>
              <Button onClick={() => setStage('review')} data-testid="import-back">
                {t('import.backToReview')}
              </Button>
              {unresolved.refs ? (
                <Popconfirm
                  title={t('import.unresolvedConfirm', { names: unresolved.names, refs: unresolved.refs })}
                  description={t('import.unresolvedKept')}
                  okText={t('import.save')}
                  cancelText={t('common.cancel')}
                  onConfirm={save}
                >
                  <Button type="primary" loading={commit.isPending} data-testid="import-commit">
                    {saveLabel}
                  </Button>
                </Popconfirm>
              ) : (
                <Button type="primary" loading={commit.isPending} onClick={save} data-testid="import-commit">
                  {saveLabel}
                </Button>
              )}
            </>
          ) : null}
        </div>
      )}
    </div>
  );
}
