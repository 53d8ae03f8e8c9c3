import { useMutation } from "@tanstack/react-query";
import { unwrap } from "@pixecom/client";
import { client, errorText } from "../api";
import { t } from "../i18n";
import { useCan } from "../permissions";

/** "Connect with Facebook": asks the API for Meta's dialog URL (single-use state) and goes there.
 * Only for a member who may connect accounts (nothing shows for the others). */
export function ConnectButton({ label, primary = true }: { label?: string; primary?: boolean }) {
  const start = useMutation({
    mutationFn: async () => unwrap(await client.api.POST("/api/meta/connect")),
    onSuccess: ({ authorize_url }) => window.location.assign(authorize_url),
  });
  const mayConnect = useCan("accounts.manage");
  if (!mayConnect) return null;
  return (
    <span className="connect">
      <button type="button" className={primary ? "primary" : ""} disabled={start.isPending || start.isSuccess} onClick={() => start.mutate()}>
        {label ?? t("connect.button")}
      </button>
      {start.isError && (
        <span className="error small" role="alert">
          {errorText(start.error)}
        </span>
      )}
    </span>
  );
}
