ALTER TABLE "cases" DROP COLUMN "scheme";--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "patient_scope";--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "patient_id";--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "drug";--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "indication";--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "justification";