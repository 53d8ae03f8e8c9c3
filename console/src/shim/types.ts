// TEMPORARY stand-in for @pixecom/types until the generated package lands on main.
export interface Metrics {
  spend: string;
  impressions: number;
  clicks: number;
  link_clicks: number;
  content_views: number;
  add_to_cart: number;
  initiate_checkout: number;
  purchases: number;
  purchase_value: string;
  results: number;
  cpm: string | null;
  ctr: number | null;
  ctr_all: number | null;
  cpc: string | null;
  cpv: string | null;
  cost_per_add_to_cart: string | null;
  cost_per_checkout: string | null;
  cost_per_purchase: string | null;
  cr: number | null;
  cr1: number | null;
  cr2: number | null;
  cr3: number | null;
  cost_per_result: string | null;
  roas: number | null;
  aov: string | null;
}
export type DeliveryStatus = "ACTIVE" | "INACTIVE" | "LEARNING" | "ERROR" | "LIMITED" | "NOT_DELIVERING";
export type EntityStatus = "ACTIVE" | "PAUSED" | "ARCHIVED" | "DELETED";
export interface CampaignRow {
  id: string;
  meta_id: string;
  name: string;
  status: EntityStatus;
  delivery_status: DeliveryStatus;
  effective_status: string;
  ad_account_id: string;
  sellpage_id: string | null;
  currency: string;
  metrics: Metrics;
}
export interface AdsetRow extends CampaignRow {
  campaign_id: string;
}
export interface AdRow extends AdsetRow {
  adset_id: string;
}
export interface Summary {
  currency: string;
  metrics: Metrics;
}
export interface DailyPoint {
  date: string;
  metrics: Metrics;
}
export interface SyncState {
  last_success_at: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
}
export interface AdAccount {
  id: string;
  meta_account_id: string;
  name: string;
  currency: string;
  timezone_name: string;
  account_status: number | null;
  connection_status: "ACTIVE" | "NEEDS_REAUTH" | "DISABLED";
  connection_error: string | null;
  throttled_until: string | null;
  stats: SyncState;
  delivery: SyncState;
  backfill: { since: string | null; chunks_total: number; chunks_done: number; complete: boolean };
  created_at: string;
}
export interface JobItem {
  id: string;
  name: string;
  from_status: string;
  to_status: string;
  outcome: "pending" | "applied" | "failed" | "skipped";
  error: string | null;
}
export interface Job {
  id: string;
  kind: string;
  status: "queued" | "running" | "succeeded" | "partially_failed" | "failed";
  created_at: string;
  finished_at: string | null;
  items: JobItem[];
}
export type ErrorCode = string;
