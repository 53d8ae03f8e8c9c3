// Compiles under `tsc --noEmit --strict`: the generated types say exactly what a row holds.
import type { CampaignRow, DailyPoint, ErrorCode, Metrics, Summary } from "@pixecom/types";
import { createPixecomClient, PixecomApiError } from "@pixecom/client";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// A list row's metrics are those `columns=` chose (every one without it): each may be absent.
declare const row: CampaignRow;
const roas: number | null | undefined = row.metrics.roas;
const spend: string | undefined = row.metrics.spend;
const clicks: number | undefined = row.metrics.clicks;
const roasIsExactlyNumberOrNull: Equals<typeof row.metrics.roas, number | null | undefined> = true;
const spendIsExactlyString: Equals<typeof row.metrics.spend, string | undefined> = true;
const cpcMayBeNull: Equals<Metrics["cpc"], string | null> = true;
const status: "ACTIVE" | "PAUSED" | "ARCHIVED" | "DELETED" = row.status;

// A daily point always carries every metric.
declare const summary: Summary;
declare const point: DailyPoint;
const sameModel: Equals<DailyPoint["metrics"], Metrics> = true;
const summaryRoas: Equals<Summary["metrics"]["roas"], number | null | undefined> = true;
const day: string = point.date;

async function firstPage(): Promise<CampaignRow | undefined> {
  const client = createPixecomClient({ baseUrl: "", onSessionExpired: () => undefined });
  const { data } = await client.api.GET("/api/ads-manager/campaigns", {
    params: { query: { date_preset: "last_7d", sort: "-roas", status: ["ACTIVE"], limit: 50 } },
  });
  // 202 while Meta computes a breakdown's reports (only with `breakdown=`): no rows yet.
  return data && "data" in data ? data.data[0] : undefined;
}

function describe(error: unknown): ErrorCode | undefined {
  return error instanceof PixecomApiError ? error.code : undefined;
}

export { roas, spend, clicks, roasIsExactlyNumberOrNull, spendIsExactlyString, cpcMayBeNull, status, summary,
  sameModel, summaryRoas, day, firstPage, describe };
