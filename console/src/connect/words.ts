// What the Connect with Facebook answers mean, in a seller's words.
import type { ErrorCode } from "@pixecom/types";

/** Why an ad account cannot be connected (ConnectableAccountOut.reason). */
export const REASONS: Record<string, string> = {
  permission_declined: "You declined a permission this account needs. Connect again and keep every permission ticked.",
  account_not_granted: "You did not give PixEcom access to this account in Facebook's dialog.",
  account_not_active: "Meta says this ad account is not active (disabled, closed or unsettled).",
  missing_tasks: "Your role on this account does not let you see its ads: ask its admin for an Advertiser or Analyst role.",
  already_connected: "Already connected to your PixEcom account.",
  connected_by_another_seller: "Another PixEcom seller has connected this account.",
};
export const reasonText = (reason: string | null | undefined) => (reason ? (REASONS[reason] ?? reason) : "");

/** The callback's refusals: each one says what happened; all of them mean "start again". */
export const CALLBACK_ERRORS: Partial<Record<ErrorCode, string>> = {
  login_denied: "The Facebook login was cancelled or its permissions were refused.",
  state_used: "This login link was already used.",
  state_expired: "This login took more than 10 minutes.",
  state_invalid: "This login did not start here, or it started in another session.",
  code_missing: "Facebook sent no login code back.",
  code_invalid: "Facebook did not accept the login code.",
  code_used: "This login code was already used.",
  code_expired: "The login code expired.",
  redirect_uri_mismatch: "The app's redirect address does not match the one Facebook was given.",
  login_not_configured: "Facebook Login is not configured on this server.",
  meta_unavailable: "Facebook could not be reached.",
};

/** Token health reasons (TokenHealthOut.reason). */
export const RECONNECT_REASONS: Record<string, string> = {
  expired: "The Facebook login expired.",
  password_changed: "The Facebook password was changed.",
  app_removed: "PixEcom was removed from the Facebook account's apps.",
  checkpoint: "Facebook asks you to log in on facebook.com first (security check), then reconnect.",
  data_access_expired: "Facebook's 90-day data access for this login ended.",
  invalid: "Facebook no longer accepts this login.",
};
