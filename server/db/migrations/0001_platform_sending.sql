CREATE TABLE "org_settings" (
	"org_id" text PRIMARY KEY NOT NULL,
	"approvals_required" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "platform_connections" (
	"org_id" text NOT NULL,
	"platform" text NOT NULL,
	"sealed_token" text NOT NULL,
	"sealed_refresh_token" text,
	"scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"missing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expires_at" timestamp with time zone,
	"ad_account_id" text,
	"page_id" text,
	"linkedin_organization_id" text,
	"currency" text,
	"time_zone" text,
	"countries" jsonb,
	"connected_by" text,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_connections_org_id_platform_pk" PRIMARY KEY("org_id","platform")
);
--> statement-breakpoint
CREATE TABLE "send_leases" (
	"org_id" text NOT NULL,
	"key" text NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "send_leases_org_id_key_pk" PRIMARY KEY("org_id","key")
);
--> statement-breakpoint
CREATE TABLE "send_steps" (
	"org_id" text NOT NULL,
	"scope_id" text NOT NULL,
	"step" text NOT NULL,
	"remote_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "send_steps_org_id_scope_id_step_pk" PRIMARY KEY("org_id","scope_id","step")
);
--> statement-breakpoint
ALTER TABLE "org_settings" ADD CONSTRAINT "org_settings_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_connections" ADD CONSTRAINT "platform_connections_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_leases" ADD CONSTRAINT "send_leases_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_steps" ADD CONSTRAINT "send_steps_org_id_organization_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;