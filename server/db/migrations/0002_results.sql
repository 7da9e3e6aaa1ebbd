CREATE TABLE "results_breakdowns" (
	"org_id" text NOT NULL,
	"platform" text NOT NULL,
	"campaign_id" text NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"name" text,
	"impressions" bigint NOT NULL,
	"clicks" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_breakdowns_org_id_platform_campaign_id_dimension_value_pk" PRIMARY KEY("org_id","platform","campaign_id","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "results_daily" (
	"org_id" text NOT NULL,
	"draft_id" text NOT NULL,
	"day" text NOT NULL,
	"impressions" bigint NOT NULL,
	"clicks" bigint NOT NULL,
	"link_clicks" bigint,
	"spend_micros" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_daily_org_id_draft_id_day_pk" PRIMARY KEY("org_id","draft_id","day")
);
--> statement-breakpoint
CREATE TABLE "results_names" (
	"urn" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results_pulls" (
	"org_id" text NOT NULL,
	"draft_id" text NOT NULL,
	"release_id" text NOT NULL,
	"platform" text NOT NULL,
	"remote" jsonb NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"next_pull_at" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone,
	"claimed_by" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_pulled_at" timestamp with time zone,
	"last_error" jsonb,
	"delivery" text,
	"flight_start" timestamp with time zone,
	"flight_end" timestamp with time zone,
	"totals" jsonb,
	"breakdowns_pulled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_pulls_org_id_draft_id_pk" PRIMARY KEY("org_id","draft_id")
);
--> statement-breakpoint
CREATE TABLE "review_link_results" (
	"link_id" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "results_breakdowns" ADD CONSTRAINT "results_breakdowns_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_daily" ADD CONSTRAINT "results_daily_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_pulls" ADD CONSTRAINT "results_pulls_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_link_results" ADD CONSTRAINT "review_link_results_link_id_review_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."review_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "results_pulls_due_idx" ON "results_pulls" USING btree ("next_pull_at");--> statement-breakpoint
CREATE INDEX "results_pulls_release_idx" ON "results_pulls" USING btree ("org_id","release_id");