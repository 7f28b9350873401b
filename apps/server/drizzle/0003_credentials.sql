CREATE TABLE "credential_status_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"size_bits" integer NOT NULL,
	"bits" "bytea" NOT NULL,
	"next_index" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credential_status_lists_purpose_check" CHECK ("credential_status_lists"."purpose" IN ('revocation', 'suspension')),
	CONSTRAINT "credential_status_lists_size_check" CHECK ("credential_status_lists"."size_bits" > 0 AND octet_length("credential_status_lists"."bits") * 8 = "credential_status_lists"."size_bits"),
	CONSTRAINT "credential_status_lists_index_check" CHECK ("credential_status_lists"."next_index" BETWEEN 0 AND "credential_status_lists"."size_bits")
);
--> statement-breakpoint
CREATE INDEX "credential_status_lists_open_idx" ON "credential_status_lists" USING btree ("purpose","id") WHERE "credential_status_lists"."next_index" < "credential_status_lists"."size_bits";