CREATE TABLE "allocation_round_orders" (
	"round_id" uuid NOT NULL,
	"caregiver_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"request_ids" uuid[] NOT NULL,
	"reason" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by_user_id" uuid,
	CONSTRAINT "allocation_round_orders_round_id_caregiver_id_pk" PRIMARY KEY("round_id","caregiver_id")
);
--> statement-breakpoint
CREATE TABLE "allocation_round_results" (
	"run_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"caregiver_id" uuid,
	"choice" integer,
	"distance_km" double precision,
	"ranked_count" integer DEFAULT 0 NOT NULL,
	"age_months_at_start" integer NOT NULL,
	"cut_offs" jsonb NOT NULL,
	"cut_off_total" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "allocation_round_results_run_id_request_id_pk" PRIMARY KEY("run_id","request_id")
);
--> statement-breakpoint
CREATE TABLE "allocation_round_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"phase" text DEFAULT 'loading' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by_user_id" uuid,
	"finished_at" timestamp with time zone,
	"fingerprint" text,
	"stats" jsonb,
	"blocking_pairs" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "allocation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"start_date" date NOT NULL,
	"latest_wanted_start" date NOT NULL,
	"deadline" date NOT NULL,
	"ranking_closed_at" timestamp with time zone,
	"previous_round_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_user_id" uuid,
	"respond_by" date
);
--> statement-breakpoint
ALTER TABLE "placement_offers" ADD COLUMN "round_id" uuid;--> statement-breakpoint
ALTER TABLE "allocation_round_orders" ADD CONSTRAINT "allocation_round_orders_round_id_allocation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."allocation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_round_results" ADD CONSTRAINT "allocation_round_results_run_id_allocation_round_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."allocation_round_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_round_results" ADD CONSTRAINT "allocation_round_results_request_id_placement_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."placement_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_round_runs" ADD CONSTRAINT "allocation_round_runs_round_id_allocation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."allocation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_rounds" ADD CONSTRAINT "allocation_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_round_runs_round_idx" ON "allocation_round_runs" USING btree ("round_id","started_at");--> statement-breakpoint
CREATE INDEX "allocation_rounds_org_idx" ON "allocation_rounds" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_rounds_one_open_idx" ON "allocation_rounds" USING btree ("organisation_id") WHERE "allocation_rounds"."status" = 'open';