CREATE TABLE "dataset_samples" (
	"id" text PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"version_id" text NOT NULL,
	"state" text NOT NULL,
	"row_count" integer NOT NULL,
	"masking" jsonb NOT NULL,
	"columns" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"residual_findings" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dataset_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"number" integer NOT NULL,
	"upload_id" text NOT NULL,
	"filename" text NOT NULL,
	"source_sha256" text NOT NULL,
	"source_size" bigint NOT NULL,
	"state" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"stage" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"format" text,
	"normalized_sha256" text,
	"normalized_size" bigint,
	"row_count" bigint,
	"columns" jsonb,
	"ingest" jsonb,
	"profile" jsonb,
	"personal_info" jsonb,
	"quality" jsonb,
	"rules_snapshot" jsonb,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"created_by" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"update_frequency" text DEFAULT 'irregular' NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"latest_version" integer DEFAULT 0 NOT NULL,
	"masking_salt" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"tus_id" text NOT NULL,
	"created_by" text NOT NULL,
	"organization_id" text NOT NULL,
	"filename" text NOT NULL,
	"declared_size" bigint NOT NULL,
	"dataset_id" text NOT NULL,
	"declared_sha256" text,
	"status" text NOT NULL,
	"blob_sha256" text,
	"size" bigint,
	"failure" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "dataset_samples_dataset_idx" ON "dataset_samples" USING btree ("dataset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_versions_number_idx" ON "dataset_versions" USING btree ("dataset_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_versions_upload_idx" ON "dataset_versions" USING btree ("upload_id");--> statement-breakpoint
CREATE INDEX "datasets_org_idx" ON "datasets" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_tus_idx" ON "uploads" USING btree ("tus_id");--> statement-breakpoint
CREATE INDEX "uploads_org_idx" ON "uploads" USING btree ("organization_id");--> statement-breakpoint
-- A version's file and what it was found to contain never change once it is ready; versions are never deleted.
CREATE FUNCTION dataset_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'dataset versions are immutable: delete refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.state = 'ready' OR NEW.source_sha256 <> OLD.source_sha256 OR NEW.number <> OLD.number
     OR NEW.dataset_id <> OLD.dataset_id THEN
    RAISE EXCEPTION 'dataset version % is immutable', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER dataset_versions_immutable BEFORE UPDATE OR DELETE ON dataset_versions
  FOR EACH ROW EXECUTE FUNCTION dataset_versions_immutable();
