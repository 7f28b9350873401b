-- pg_trgm is a trusted extension (PG ≥ 13): the database owner may create it; fuzzy product-name search needs it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "catalog_entries" (
	"product_id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"provider_name" text NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"domain" text NOT NULL,
	"form" text NOT NULL,
	"grade" text NOT NULL,
	"pricing_model" text NOT NULL,
	"price_fen" bigint,
	"region" text NOT NULL,
	"open_attribute" text NOT NULL,
	"visibility" text NOT NULL,
	"certificate_number" text NOT NULL,
	"search" "tsvector" NOT NULL,
	"document" jsonb NOT NULL,
	"listed_at" timestamp with time zone NOT NULL,
	"modified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"case_type" text NOT NULL,
	"state" text NOT NULL,
	"organization_id" text NOT NULL,
	"applicant_id" text NOT NULL,
	"regime" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"transfer_to_organization_id" text,
	"checklist" jsonb NOT NULL,
	"assessor_organization_id" text,
	"assessment_attachment_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"publicity_started_at" timestamp with time zone,
	"publicity_ends_at" timestamp with time zone,
	"publicity_remaining_ms" integer,
	"review_note" text,
	"certificate_id" text,
	"previous_case_id" text,
	"query_code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"case_id" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"holder_name" text NOT NULL,
	"holder_credit_code" text NOT NULL,
	"subject_name" text NOT NULL,
	"rights" text[] NOT NULL,
	"content_hash" text NOT NULL,
	"certificate_version" integer NOT NULL,
	"previous_certificate_id" text,
	"credential_id" text NOT NULL,
	"credential_jwt" text NOT NULL,
	"credential_status" jsonb NOT NULL,
	"status" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_objections" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"filed_by" text NOT NULL,
	"reasons" text NOT NULL,
	"attachment_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" text NOT NULL,
	"decision_note" text,
	"decided_by" text,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registration_regimes" (
	"subject_kind" text PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_products" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"created_by" text NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"domain" text NOT NULL,
	"grade" text NOT NULL,
	"description" jsonb NOT NULL,
	"registered_description" jsonb,
	"content_hash" text,
	"current_certificate_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"form" text NOT NULL,
	"pricing_model" text NOT NULL,
	"resource_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"listing_status" text DEFAULT 'unlisted' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"connectivity" jsonb
);
--> statement-breakpoint
CREATE TABLE "data_resources" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"created_by" text NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"domain" text NOT NULL,
	"grade" text NOT NULL,
	"description" jsonb NOT NULL,
	"registered_description" jsonb,
	"content_hash" text,
	"current_certificate_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"personal_information" boolean DEFAULT false NOT NULL,
	"rights" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "catalog_entries_search_idx" ON "catalog_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "catalog_entries_name_trgm_idx" ON "catalog_entries" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_entries_listed_idx" ON "catalog_entries" USING btree ("listed_at","product_id");--> statement-breakpoint
CREATE INDEX "catalog_entries_modified_idx" ON "catalog_entries" USING btree ("modified_at","product_id");--> statement-breakpoint
CREATE INDEX "catalog_entries_org_idx" ON "catalog_entries" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_cases_number_key" ON "registration_cases" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_cases_query_code_key" ON "registration_cases" USING btree ("query_code");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_cases_open_subject_key" ON "registration_cases" USING btree ("subject_id") WHERE "registration_cases"."state" IN ('draft', 'submitted', 'accepted', 'formal_review', 'substantive_review', 'publicity', 'objection_review', 'returned');--> statement-breakpoint
CREATE INDEX "registration_cases_state_idx" ON "registration_cases" USING btree ("state","updated_at");--> statement-breakpoint
CREATE INDEX "registration_cases_subject_idx" ON "registration_cases" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE INDEX "registration_cases_org_idx" ON "registration_cases" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "registration_cases_publicity_idx" ON "registration_cases" USING btree ("publicity_ends_at") WHERE "registration_cases"."state" = 'publicity';--> statement-breakpoint
CREATE UNIQUE INDEX "registration_certificates_number_key" ON "registration_certificates" USING btree ("number");--> statement-breakpoint
CREATE INDEX "registration_certificates_subject_idx" ON "registration_certificates" USING btree ("subject_id","certificate_version");--> statement-breakpoint
CREATE INDEX "registration_objections_case_idx" ON "registration_objections" USING btree ("case_id","filed_at");--> statement-breakpoint
CREATE INDEX "data_products_org_idx" ON "data_products" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "data_products_status_idx" ON "data_products" USING btree ("status");--> statement-breakpoint
CREATE INDEX "data_resources_org_idx" ON "data_resources" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "data_resources_status_idx" ON "data_resources" USING btree ("status");