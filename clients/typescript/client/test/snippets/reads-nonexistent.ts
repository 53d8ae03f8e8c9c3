// Must NOT compile: a metric the API does not have is a type error, not `undefined` at runtime.
import type { CampaignRow } from "@pixecom/types";

declare const row: CampaignRow;
export const value = row.metrics.nonexistent;
