import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { recordAudit } from '../../lib/audit.ts';
import { forbidden, invalid, notFound } from '../../lib/errors.ts';
import type { TargetLinkInput, TargetLinksView, TargetLinkView } from '../../../shared/contracts/catalogue.ts';
import { linkTargetsWith, type Catalogue } from '../../../shared/domain/indicator-catalogue.ts';
import * as repo from './reporting.catalogue.repository.ts';
import { templatePolicy } from './reporting.templates.policy.ts';

// Which indicator measures each plan target (issue 4, "Results": progress against each plan target; decision
// 0010): by its words, unless the province's coordinator has chosen one, or said that none does.

/** A plan target as the plans module gives it, with its id (for the coordinator's link). */
export type LinkableTarget = { id: string; text: string; indicator: string; unit: string; year: number | null };

type Deps = {
  db: Db;
  /** The province's catalogue (reporting.catalogue.service.ts). */
  catalogueOf: (provinceId: string) => Promise<Catalogue>;
  /** Narrowed from the plans module: a plan's targets, and its province, for the links page. No actor: checked here. */
  targetsOfPlan: (planId: string) => Promise<{ plan: { id: string; provinceId: string; provincePath: string; title: string }; targets: LinkableTarget[] } | undefined>;
  /** Narrowed from the plans module: the plan and province a target belongs to. */
  targetOwner: (targetId: string) => Promise<{ planId: string; provinceId: string; provincePath: string } | undefined>;
};

export function createTargetLinksService({ db, catalogueOf, targetsOfPlan, targetOwner }: Deps) {
  return {
    /** Links of the targets of a province's plans, for computations (no actor: the caller has checked access). */
    async linksOf(provinceId: string) {
      return repo.linksOf(db, provinceId);
    },

    async targetLinks(actor: Actor, planId: string): Promise<TargetLinksView> {
      const found = await targetsOfPlan(planId);
      if (!found || !templatePolicy.inScope(actor, found.plan.provincePath)) throw notFound('Kế hoạch');
      if (!templatePolicy.canRead(actor, found.plan.provincePath)) throw forbidden('Liên kết chỉ tiêu với chỉ số dành cho điều phối viên tỉnh (Sở GDĐT) và người theo dõi cấp tỉnh.');
      const [c, overrides] = await Promise.all([catalogueOf(found.plan.provinceId), repo.linksOf(db, found.plan.provinceId)]);
      return {
        plan: { id: found.plan.id, provinceId: found.plan.provinceId, title: found.plan.title },
        targets: linkTargetsWith(found.targets, c.indicators, overrides).map(linkView),
        abilities: { manage: templatePolicy.canManage(actor, found.plan.provincePath) },
      };
    },

    async setTargetLink(actor: Actor, targetId: string, input: TargetLinkInput): Promise<TargetLinkView> {
      const owner = await targetOwner(targetId);
      if (!owner) throw notFound('Chỉ tiêu');
      if (!templatePolicy.inScope(actor, owner.provincePath)) throw notFound('Chỉ tiêu');
      if (!templatePolicy.canManage(actor, owner.provincePath)) throw forbidden('Chỉ điều phối viên tỉnh (Sở GDĐT) mới chọn được chỉ số đo chỉ tiêu.');
      const c = await catalogueOf(owner.provinceId);
      if (input.mode === 'manual' && !c.indicators.some((i) => i.code === input.code)) throw invalid(`Không có chỉ số “${input.code}” đang sử dụng trong danh mục của tỉnh.`, [{ path: 'code', message: 'không có chỉ số này' }]);
      const before = await repo.findLink(db, targetId);
      await db.transaction(async (tx) => {
        if (input.mode === 'auto') await repo.deleteLink(tx, targetId);
        else await repo.putLink(tx, { targetId, provinceId: owner.provinceId, indicatorCode: input.mode === 'manual' ? input.code : null, linkedBy: actor.id });
        await recordAudit(tx, actor, {
          action: 'targetLink.set',
          entityType: 'planTarget',
          entityId: targetId,
          before: before ? { mode: before.indicatorCode === null ? 'none' : 'manual', code: before.indicatorCode } : { mode: 'auto' },
          after: input.mode === 'manual' ? { mode: 'manual', code: input.code } : { mode: input.mode },
        });
      });
      const found = await targetsOfPlan(owner.planId);
      const overrides = await repo.linksOf(db, owner.provinceId);
      const link = linkTargetsWith(found!.targets.filter((t) => t.id === targetId), c.indicators, overrides)[0]!;
      return linkView(link);
    },
  };
}

function linkView(l: ReturnType<typeof linkTargetsWith<LinkableTarget>>[number]): TargetLinkView {
  return {
    targetId: l.target.id,
    text: l.target.text,
    indicatorText: l.target.indicator,
    unit: l.target.unit || null,
    milestoneYear: l.target.year,
    mode: l.mode,
    code: l.code,
    candidates: l.candidates,
    note: l.note ?? null,
  };
}

export type TargetLinksService = ReturnType<typeof createTargetLinksService>;
