// Names for the API's schemas the console uses beyond @pixecom/types' own (all generated).
import type { components } from "@pixecom/types";

type Schemas = components["schemas"];
export type ConnectionOut = Schemas["ConnectionOut"];
export type ConnectableAccountOut = Schemas["ConnectableAccountOut"];
export type TokenHealthOut = Schemas["TokenHealthOut"];
export type AlertOut = Schemas["AlertOut"];
export type RuleOut = Schemas["RuleOut"];
export type Breakdown = Schemas["Breakdown"];
export type BreakdownJob = Schemas["BreakdownJob"];
export type BreakdownPending = Schemas["BreakdownPending"];
export type BreakdownInfo = Schemas["BreakdownInfo"];
export type BreakdownRow = Schemas["BreakdownRow"];
export type MetricChanges = Schemas["MetricChanges"];
export type CreativeGroupRow = Schemas["CreativeGroupRow"];
export type CreativeGroupList = Schemas["CreativeGroupList"];
export type Fatigue = Schemas["FatigueOut"];
export type AdCreative = Schemas["AdCreativeOut"];
