CREATE TABLE "attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"uploaded_by" text NOT NULL,
	"purpose" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_applications" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"applicant_id" text NOT NULL,
	"state" text NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"entity_type" text NOT NULL,
	"legal_representative" text NOT NULL,
	"address" text NOT NULL,
	"division_code" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"roles" text[] NOT NULL,
	"merchant_subtypes" text[] DEFAULT '{}'::text[] NOT NULL,
	"service_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"commitments" text[] NOT NULL,
	"attachment_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"review_note" text,
	"participant_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"application_id" text NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"entity_type" text NOT NULL,
	"legal_representative" text NOT NULL,
	"address" text NOT NULL,
	"division_code" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text NOT NULL,
	"roles" text[] NOT NULL,
	"merchant_subtypes" text[] DEFAULT '{}'::text[] NOT NULL,
	"service_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"credential_number" text NOT NULL,
	"credential_id" text NOT NULL,
	"credential_jwt" text NOT NULL,
	"credential_status" jsonb NOT NULL,
	"credential_valid_until" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_sequences" (
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "number_sequences_series_year_pk" PRIMARY KEY("series","year")
);
--> statement-breakpoint
CREATE INDEX "attachments_uploaded_by_idx" ON "attachments" USING btree ("uploaded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "participant_applications_live_credit_code_key" ON "participant_applications" USING btree ("credit_code") WHERE "participant_applications"."state" IN ('submitted', 'returned', 'approved');--> statement-breakpoint
CREATE INDEX "participant_applications_state_idx" ON "participant_applications" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "participant_applications_org_idx" ON "participant_applications" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_credit_code_key" ON "participants" USING btree ("credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_organization_key" ON "participants" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_credential_number_key" ON "participants" USING btree ("credential_number");--> statement-breakpoint
CREATE INDEX "participants_registered_idx" ON "participants" USING btree ("registered_at","id");