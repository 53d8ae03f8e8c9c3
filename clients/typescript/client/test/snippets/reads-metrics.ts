// Compiles under `tsc --noEmit --strict`: the generated types say exactly what a row holds.
import type { CampaignRow, DailyPoint, ErrorCode, Metrics, Summary } from "@pixecom/types";
import { createPixecomClient, PixecomApiError } from "@pixecom/client";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

declare const row: CampaignRow;
const roas: number | null = row.metrics.roas;
const spend: string = row.metrics.spend;
const clicks: number = row.metrics.clicks;
const roasIsExactlyNumberOrNull: Equals<typeof row.metrics.roas, number | null> = true;
const spendIsExactlyString: Equals<typeof row.metrics.spend, string> = true;
const cpcMayBeNull: Equals<Metrics["cpc"], string | null> = true;
const status: "ACTIVE" | "PAUSED" | "ARCHIVED" | "DELETED" = row.status;

declare const summary: Summary;
declare const point: DailyPoint;
const sameModel: Equals<Summary["metrics"], DailyPoint["metrics"]> = true;
const day: string = point.date;

async function firstPage(): Promise<CampaignRow | undefined> {
  const client = createPixecomClient({ baseUrl: "", onSessionExpired: () => undefined });
  const { data } = await client.api.GET("/api/ads-manager/campaigns", {
    params: { query: { date_preset: "last_7d", sort: "-roas", status: ["ACTIVE"], limit: 50 } },
  });
  return data?.data[0];
}

function describe(error: unknown): ErrorCode | undefined {
  return error instanceof PixecomApiError ? error.code : undefined;
}

export { roas, spend, clicks, roasIsExactlyNumberOrNull, spendIsExactlyString, cpcMayBeNull, status, summary,
  sameModel, day, firstPage, describe };
