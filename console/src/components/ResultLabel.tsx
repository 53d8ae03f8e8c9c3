import { useQuery } from "@tanstack/react-query";
import { unwrap } from "@pixecom/client";
import { client, listPage } from "../api";
import { t } from "../i18n";
import type { Level } from "../listState";
import { resultWords } from "../results";
import type { Row } from "./EntityTable";

/** "Purchases", "Add to cart", … or "Mixed: Purchases, Add to cart" (read from the ad sets below). */
export function ResultLabel({ level, row }: { level: Level; row: Row }) {
  const mixed = row.result_type === "mixed" && level !== "ads";
  const below = useQuery({
    queryKey: ["result-types", level, row.id],
    enabled: mixed,
    staleTime: 300_000,
    queryFn: async () => {
      const query = level === "campaigns" ? { campaign_id: [row.id], limit: 500 } : { adset_id: [row.id], limit: 500 };
      const path = level === "campaigns" ? "/api/ads-manager/adsets" : "/api/ads-manager/ads";
      const page = listPage(unwrap(await client.api.GET(path, { params: { query } })));
      // Raw types: their words are chosen at render, in whatever language is chosen then.
      return [...new Set(page.data.map((r) => r.result_type ?? ""))].sort();
    },
  });
  if (!mixed) return <span>{resultWords(row.result_type)}</span>;
  return (
    <span title={t("table.mixedTitle")}>{below.data ? t("result.mixedOf", { types: below.data.map(resultWords).join(", ") }) : t("result.mixed")}</span>
  );
}
