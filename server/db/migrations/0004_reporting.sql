CREATE TABLE "report_sections" (
	"report_id" uuid NOT NULL,
	"key" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "report_sections_report_id_key_pk" PRIMARY KEY("report_id","key")
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"content" text NOT NULL,
	"reporter_level" text NOT NULL,
	"reporter_agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"receiver" text NOT NULL,
	"transmission" text NOT NULL,
	"period_kind" text NOT NULL,
	"due_days_after_cutoff" integer DEFAULT 0 NOT NULL,
	"frequency" text NOT NULL,
	"outline" jsonb NOT NULL,
	"elements" text[] NOT NULL,
	"instructions" text NOT NULL,
	"legal_basis" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_values" (
	"report_id" uuid NOT NULL,
	"element" text NOT NULL,
	"breakdown" text DEFAULT '' NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "report_values_report_id_element_breakdown_pk" PRIMARY KEY("report_id","element","breakdown")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"agency_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"due_date" date NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_templates" ADD CONSTRAINT "report_templates_province_id_admin_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_admin_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."admin_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_templates_code_uq" ON "report_templates" USING btree ("province_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_reporter_uq" ON "reports" USING btree ("template_id","period_key","unit_id",coalesce("agency_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "reports_period_idx" ON "reports" USING btree ("template_id","period_key","state");