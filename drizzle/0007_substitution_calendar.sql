CREATE TABLE "substitution_care_notes" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"notes_encrypted" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_by" text NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "substitution_covers" ADD COLUMN "lost_cover" jsonb;--> statement-breakpoint
ALTER TABLE "substitution_kitas" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "substitution_care_notes" ADD CONSTRAINT "substitution_care_notes_contract_id_care_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."care_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_care_notes" ADD CONSTRAINT "substitution_care_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;