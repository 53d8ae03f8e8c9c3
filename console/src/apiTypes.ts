// Names for the API's schemas the console uses beyond @pixecom/types' own (all generated).
import type { components } from "@pixecom/types";

type Schemas = components["schemas"];
export type ConnectionOut = Schemas["ConnectionOut"];
export type ConnectableAccountOut = Schemas["ConnectableAccountOut"];
export type TokenHealthOut = Schemas["TokenHealthOut"];
export type AlertOut = Schemas["AlertOut"];
export type RuleOut = Schemas["RuleOut"];
