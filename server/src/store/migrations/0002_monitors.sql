CREATE TABLE "insights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"run_id" integer,
	"subscription_id" uuid,
	"model_id" text NOT NULL,
	"monitor_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"question" text,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitor_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"run_id" integer NOT NULL,
	"subscription_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"attempt" integer NOT NULL,
	"ok" boolean NOT NULL,
	"fired" boolean,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "monitor_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subscription_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"worker_id" text,
	"checkpoint" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "monitor_runs_status_check" CHECK ("monitor_runs"."status" in ('pending', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "monitor_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"model_id" text NOT NULL,
	"monitor_id" text,
	"question" text,
	"channel" text NOT NULL,
	"target" text,
	"cron" text NOT NULL,
	"timezone" text NOT NULL,
	"language" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "monitor_subscriptions_subject_check" CHECK (("monitor_subscriptions"."monitor_id" is null) <> ("monitor_subscriptions"."question" is null))
);
--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_runs" ADD CONSTRAINT "monitor_runs_subscription_id_monitor_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "monitor_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_subscriptions" ADD CONSTRAINT "monitor_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insights_user_idx" ON "insights" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "insights_run_key" ON "insights" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "monitor_deliveries_ts_idx" ON "monitor_deliveries" USING btree ("ts");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_runs_claim_key" ON "monitor_runs" USING btree ("subscription_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "monitor_runs_status_idx" ON "monitor_runs" USING btree ("status","run_after");--> statement-breakpoint
CREATE INDEX "monitor_subscriptions_user_idx" ON "monitor_subscriptions" USING btree ("user_id");