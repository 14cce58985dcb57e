CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contribution_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"due" text NOT NULL,
	"progress" text DEFAULT 'notStarted' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "task_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"due" text NOT NULL,
	"progress" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "task_assignments" ADD COLUMN "group_id" uuid;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_contribution_id_task_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."task_contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_contributions" ADD CONSTRAINT "task_contributions_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_contributions" ADD CONSTRAINT "task_contributions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_contributions" ADD CONSTRAINT "task_contributions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_contributions" ADD CONSTRAINT "task_contributions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_contributions" ADD CONSTRAINT "task_contributions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_statuses" ADD CONSTRAINT "task_statuses_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_statuses" ADD CONSTRAINT "task_statuses_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_contribution_idx" ON "evidence_files" USING btree ("contribution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_contributions_uq" ON "task_contributions" USING btree ("task_id","agency_id","due");--> statement-breakpoint
CREATE INDEX "task_contributions_agency_idx" ON "task_contributions" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_statuses_uq" ON "task_statuses" USING btree ("task_id","due");--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_group_id_agency_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."agency_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_assignments_group_idx" ON "task_assignments" USING btree ("group_id");--> statement-breakpoint
-- Plans committed before this migration expanded a group into one row per member: keep one row per group.
INSERT INTO "task_assignments" ("task_id", "role", "agency_id", "group_id", "raw", "group_name")
SELECT DISTINCT a."task_id", a."role", NULL::uuid, g."id", a."raw", a."group_name"
FROM "task_assignments" a
JOIN "plan_tasks" t ON t."id" = a."task_id"
JOIN "plans" p ON p."id" = t."plan_id"
JOIN "agency_groups" g ON g."province_id" = p."province_id" AND g."name" = a."group_name"
WHERE a."group_name" IS NOT NULL AND a."agency_id" IS NOT NULL;--> statement-breakpoint
DELETE FROM "task_assignments" WHERE "group_name" IS NOT NULL AND "agency_id" IS NOT NULL AND "group_id" IS NULL;
