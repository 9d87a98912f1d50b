CREATE TABLE "training_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"passed" boolean NOT NULL,
	"on_date" date NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"organisation_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"late_units" double precision DEFAULT 0 NOT NULL,
	"early_leave_units" double precision DEFAULT 0 NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_session_id_participant_id_pk" PRIMARY KEY("session_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "training_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"sequence" integer NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"ended_reason" text,
	"moved_to_course_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "training_certificate_reminders" (
	"certificate_key" text NOT NULL,
	"stage" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_certificate_reminders_certificate_key_stage_pk" PRIMARY KEY("certificate_key","stage")
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"course_id" uuid,
	"category" text NOT NULL,
	"participant_name" text NOT NULL,
	"course_title" text NOT NULL,
	"units" double precision NOT NULL,
	"started_on" date NOT NULL,
	"completed_on" date NOT NULL,
	"valid_until" date,
	"counts_towards_obligation" boolean NOT NULL,
	"verification_code" text NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"replaces_id" uuid,
	"revoked_reason" text,
	"revoked_at" timestamp with time zone,
	"issued_by_user_id" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_certificates_verification_code_unique" UNIQUE("verification_code")
);
--> statement-breakpoint
CREATE TABLE "training_course_trainers" (
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "training_course_trainers_course_id_user_id_pk" PRIMARY KEY("course_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"materials" text DEFAULT '' NOT NULL,
	"audience" text DEFAULT 'members' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"units" double precision NOT NULL,
	"practice_kita_hours" double precision DEFAULT 0 NOT NULL,
	"practice_day_care_hours" double precision DEFAULT 0 NOT NULL,
	"validity_months" integer,
	"min_attendance_percent" integer NOT NULL,
	"assessments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"counts_towards_obligation" boolean NOT NULL,
	"is_refresher" boolean DEFAULT false NOT NULL,
	"capacity" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"cancellation_days" integer DEFAULT 7 NOT NULL,
	"fee_cents" integer DEFAULT 0 NOT NULL,
	"external_trainers" text DEFAULT '' NOT NULL,
	"cancelled_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_external_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"category" text NOT NULL,
	"provider" text NOT NULL,
	"title" text NOT NULL,
	"units" double precision NOT NULL,
	"completed_on" date NOT NULL,
	"file_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_on" date,
	"reviewed_by_user_id" uuid,
	"valid_until" date,
	"counts_towards_obligation" boolean DEFAULT true NOT NULL,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_guest_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_guest_requests_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "training_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_practice_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"place_kind" text NOT NULL,
	"place_name" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"hours" double precision NOT NULL,
	"confirmed_on" date,
	"confirmed_by" text,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"date" date NOT NULL,
	"from_time" text NOT NULL,
	"to_time" text NOT NULL,
	"units" double precision NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text,
	"revision" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_assessments" ADD CONSTRAINT "training_assessments_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_assessments" ADD CONSTRAINT "training_assessments_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_calendar_feeds" ADD CONSTRAINT "training_calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_trainers" ADD CONSTRAINT "training_course_trainers_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_course_trainers" ADD CONSTRAINT "training_course_trainers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_external_certificates" ADD CONSTRAINT "training_external_certificates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_external_certificates" ADD CONSTRAINT "training_external_certificates_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_external_certificates" ADD CONSTRAINT "training_external_certificates_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_guest_requests" ADD CONSTRAINT "training_guest_requests_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_participants" ADD CONSTRAINT "training_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_practice_entries" ADD CONSTRAINT "training_practice_entries_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_practice_entries" ADD CONSTRAINT "training_practice_entries_participant_id_training_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."training_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_assessments_course_idx" ON "training_assessments" USING btree ("course_id","participant_id");--> statement-breakpoint
CREATE INDEX "training_bookings_course_idx" ON "training_bookings" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_bookings_participant_idx" ON "training_bookings" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_bookings_active_run_idx" ON "training_bookings" USING btree ("course_id","participant_id") WHERE "training_bookings"."status" in ('confirmed', 'waiting');--> statement-breakpoint
CREATE UNIQUE INDEX "training_bookings_active_series_idx" ON "training_bookings" USING btree ("series_id","participant_id") WHERE "training_bookings"."status" in ('confirmed', 'waiting');--> statement-breakpoint
CREATE INDEX "training_certificates_participant_idx" ON "training_certificates" USING btree ("participant_id","category");--> statement-breakpoint
CREATE INDEX "training_certificates_org_valid_idx" ON "training_certificates" USING btree ("organisation_id","valid_until");--> statement-breakpoint
CREATE INDEX "training_course_trainers_user_idx" ON "training_course_trainers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_courses_org_start_idx" ON "training_courses" USING btree ("organisation_id","starts_on");--> statement-breakpoint
CREATE INDEX "training_courses_series_idx" ON "training_courses" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "training_external_participant_idx" ON "training_external_certificates" USING btree ("participant_id","status");--> statement-breakpoint
CREATE INDEX "training_guest_requests_course_idx" ON "training_guest_requests" USING btree ("course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_participants_org_user_idx" ON "training_participants" USING btree ("organisation_id","user_id") WHERE "training_participants"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "training_participants_org_guest_idx" ON "training_participants" USING btree ("organisation_id",lower("email")) WHERE "training_participants"."user_id" is null;--> statement-breakpoint
CREATE INDEX "training_practice_course_idx" ON "training_practice_entries" USING btree ("course_id","participant_id");--> statement-breakpoint
CREATE INDEX "training_sessions_course_idx" ON "training_sessions" USING btree ("course_id","date","from_time");