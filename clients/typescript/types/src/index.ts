// Friendly names for the PixEcom API's types. Everything comes from ./openapi.ts, which is
// generated from openapi/openapi.json: the backend's contract, so the two sides cannot drift.
import type { components, operations, paths } from "./openapi.js";

export type { components, operations, paths };

type Schemas = components["schemas"];

// Ads Manager
export type Metrics = Schemas["Metrics"];
export type CampaignRow = Schemas["CampaignRow"];
export type AdsetRow = Schemas["AdsetRow"];
export type AdRow = Schemas["AdRow"];
/** One summary entry: the metrics of every matching row in one currency. */
export type Summary = Schemas["CurrencySummary"];
export type CampaignList = Schemas["CampaignList"];
export type AdsetList = Schemas["AdsetList"];
export type AdList = Schemas["AdList"];
export type DailyPoint = Schemas["DailyPoint"];
export type DailySeries = Schemas["DailySeries"];
export type DateRange = Schemas["DateRangeOut"];
export type Paging = Schemas["Paging"];
export type CampaignStatus = Schemas["CampaignStatus"];
export type DeliveryStatus = Schemas["DeliveryStatus"];
export type DatePreset = Schemas["DatePreset"];
export type EntityLevel = Schemas["EntityLevel"];
/** The query of the Ads Manager lists (the same parameters on every level). */
export type ListQuery = NonNullable<operations["ads_manager_list_ads"]["parameters"]["query"]>;
export type SortKey = NonNullable<ListQuery["sort"]>;
export type MetricName = keyof Metrics;

// Accounts, sellpages
export type AdAccount = Schemas["AdAccountOut"];
export type ConnectionStatus = Schemas["ConnectionStatus"];
export type SyncKind = Schemas["SyncKind"];
export type SyncOutcome = Schemas["SyncOutcome"];
export type Sellpage = Schemas["SellpageOut"];

// Bulk status jobs and the audit log
export type Job = Schemas["JobOut"];
export type JobItem = Schemas["JobItemOut"];
export type JobSummary = Schemas["JobSummaryOut"];
export type JobStatus = Schemas["JobStatus"];
export type JobItemOutcome = Schemas["JobItemOutcome"];
export type AuditEntry = Schemas["AuditEntryOut"];

// Auth
export type User = Schemas["UserOut"];
export type Seller = Schemas["SellerOut"];
export type Me = Schemas["MeResponse"];
export type TokenResponse = Schemas["TokenResponse"];
export type RegisterRequest = Schemas["RegisterRequest"];
export type LoginRequest = Schemas["LoginRequest"];
export type AcceptInvitationRequest = Schemas["AcceptInvitationRequest"];

// Teams: roles, what each may do, members and invitations. `Me.permissions` is the caller's list:
// hide what a person cannot do (the API answers 403 `forbidden` anyway).
export type UserRole = Schemas["UserRole"];
export type Permission = Schemas["Permission"];
export type RolePermissions = Schemas["RolePermissions"];
export type Member = Schemas["MemberOut"];
export type Invitation = Schemas["InvitationOut"];
export type NewInvitation = Schemas["NewInvitationOut"];

// Errors: every error body is ApiError; switch on error.code (ErrorCode), show error.message.
export type ApiError = Schemas["ErrorResponse"];
export type ErrorDetail = Schemas["ErrorDetail"];
export type ErrorCode = Schemas["ErrorCode"];
