CREATE TABLE "substitution_absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"caregiver_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"day_from" integer,
	"day_to" integer,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"reported_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "substitution_arrangements" (
	"organisation_id" uuid NOT NULL,
	"caregiver_id" uuid NOT NULL,
	"tandem_partner_ids" uuid[] DEFAULT '{}' NOT NULL,
	"substitute_ids" uuid[] DEFAULT '{}' NOT NULL,
	"kita_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "substitution_arrangements_organisation_id_caregiver_id_pk" PRIMARY KEY("organisation_id","caregiver_id")
);
--> statement-breakpoint
CREATE TABLE "substitution_covers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"absence_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"day" date NOT NULL,
	"ranges" jsonb NOT NULL,
	"status" text NOT NULL,
	"cover_kind" text,
	"cover_caregiver_id" uuid,
	"kita_id" uuid,
	"is_known" boolean DEFAULT false NOT NULL,
	"distance_km" double precision,
	"extra_distance_km" double precision,
	"problem" jsonb,
	"parent_answer" text,
	"parent_answered_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by_user_id" uuid,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "substitution_kitas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"town" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"places" integer NOT NULL,
	"age_min_months" integer NOT NULL,
	"age_max_months" integer NOT NULL,
	"hours" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "substitution_play_group_children" (
	"play_group_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	CONSTRAINT "substitution_play_group_children_play_group_id_contract_id_pk" PRIMARY KEY("play_group_id","contract_id")
);
--> statement-breakpoint
CREATE TABLE "substitution_play_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"host_caregiver_id" uuid NOT NULL,
	"on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "substitution_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"familiarity_visits" integer DEFAULT 3 NOT NULL,
	"tandems_may_confirm" boolean DEFAULT false NOT NULL,
	"max_distance_km" integer DEFAULT 15 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "substitution_substitutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"caregiver_id" uuid NOT NULL,
	"hours_per_month" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "substitution_absences" ADD CONSTRAINT "substitution_absences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_absences" ADD CONSTRAINT "substitution_absences_caregiver_id_caregivers_id_fk" FOREIGN KEY ("caregiver_id") REFERENCES "public"."caregivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_arrangements" ADD CONSTRAINT "substitution_arrangements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_arrangements" ADD CONSTRAINT "substitution_arrangements_caregiver_id_caregivers_id_fk" FOREIGN KEY ("caregiver_id") REFERENCES "public"."caregivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_arrangements" ADD CONSTRAINT "substitution_arrangements_kita_id_substitution_kitas_id_fk" FOREIGN KEY ("kita_id") REFERENCES "public"."substitution_kitas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_covers" ADD CONSTRAINT "substitution_covers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_covers" ADD CONSTRAINT "substitution_covers_absence_id_substitution_absences_id_fk" FOREIGN KEY ("absence_id") REFERENCES "public"."substitution_absences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_covers" ADD CONSTRAINT "substitution_covers_cover_caregiver_id_caregivers_id_fk" FOREIGN KEY ("cover_caregiver_id") REFERENCES "public"."caregivers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_covers" ADD CONSTRAINT "substitution_covers_kita_id_substitution_kitas_id_fk" FOREIGN KEY ("kita_id") REFERENCES "public"."substitution_kitas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_kitas" ADD CONSTRAINT "substitution_kitas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_play_group_children" ADD CONSTRAINT "substitution_play_group_children_play_group_id_substitution_play_groups_id_fk" FOREIGN KEY ("play_group_id") REFERENCES "public"."substitution_play_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_play_groups" ADD CONSTRAINT "substitution_play_groups_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_play_groups" ADD CONSTRAINT "substitution_play_groups_host_caregiver_id_caregivers_id_fk" FOREIGN KEY ("host_caregiver_id") REFERENCES "public"."caregivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_settings" ADD CONSTRAINT "substitution_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_substitutes" ADD CONSTRAINT "substitution_substitutes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_substitutes" ADD CONSTRAINT "substitution_substitutes_caregiver_id_caregivers_id_fk" FOREIGN KEY ("caregiver_id") REFERENCES "public"."caregivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "substitution_absences_org_idx" ON "substitution_absences" USING btree ("organisation_id","starts_on");--> statement-breakpoint
CREATE INDEX "substitution_absences_caregiver_idx" ON "substitution_absences" USING btree ("caregiver_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "substitution_covers_absence_contract_day_idx" ON "substitution_covers" USING btree ("absence_id","contract_id","day");--> statement-breakpoint
CREATE INDEX "substitution_covers_org_day_idx" ON "substitution_covers" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "substitution_covers_caregiver_day_idx" ON "substitution_covers" USING btree ("cover_caregiver_id","day");--> statement-breakpoint
CREATE INDEX "substitution_covers_contract_idx" ON "substitution_covers" USING btree ("contract_id","day");--> statement-breakpoint
CREATE INDEX "substitution_kitas_org_idx" ON "substitution_kitas" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "substitution_play_groups_org_idx" ON "substitution_play_groups" USING btree ("organisation_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "substitution_substitutes_caregiver_idx" ON "substitution_substitutes" USING btree ("caregiver_id");