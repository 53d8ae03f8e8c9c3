import type { ConnectionOut } from "../apiTypes";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { PixecomApiError, unwrap } from "@pixecom/client";
import { client, errorText } from "../api";
import { Link, navigate, useLocation } from "../router";
import { AccountPicker } from "./AccountPicker";
import { ConnectButton } from "./ConnectButton";
import { t } from "../i18n";

type Answer = { connection: ConnectionOut } | { error: unknown };

// A login code works once: the exchange is started at most once per state, whatever React
// re-runs (StrictMode mounts effects twice), and its answer is kept for the remount.
const exchanges = new Map<string, Promise<Answer>>();

function exchange(params: URLSearchParams): Promise<Answer> {
  const state = params.get("state") ?? "";
  let pending = exchanges.get(state);
  if (!pending) {
    const optional = (key: string) => params.get(key) ?? undefined;
    pending = client.api
      .POST("/api/meta/callback", {
        body: {
          state,
          code: optional("code"),
          error: optional("error"),
          error_reason: optional("error_reason"),
          error_description: optional("error_description"),
        },
      })
      .then((result) => ({ connection: unwrap(result) }))
      .catch((error: unknown) => ({ error }));
    exchanges.set(state, pending);
  }
  return pending;
}

/** Where Meta sends the browser back: finish the login once, then choose the accounts to connect. */
export function CallbackPage() {
  const { search } = useLocation();
  const connectionId = search.get("connection");
  const fromMeta = search.has("state") ? search : null;
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (!fromMeta) return;
    let live = true;
    void exchange(fromMeta).then((answer) => {
      if (!live) return;
      // Replace the URL: a reload must not spend the code again; it reopens the connection instead.
      if ("connection" in answer) navigate(`/meta/callback?connection=${answer.connection.connection_id}`, { replace: true });
      else {
        setFailure(answer.error);
        navigate("/meta/callback", { replace: true });
      }
    });
    return () => {
      live = false;
    };
  }, [fromMeta]);

  const connection = useQuery({
    queryKey: ["connection", connectionId],
    enabled: Boolean(connectionId),
    queryFn: async () =>
      unwrap(await client.api.GET("/api/meta/connections/{connection_id}", { params: { path: { connection_id: connectionId! } } })),
  });

  return (
    <div className="connect-page">
      <h1>{t("connect.title")}</h1>
      {fromMeta && <p className="muted" data-testid="callback-pending">{t("connect.finishing")}</p>}
      {failure !== null && <CallbackFailure error={failure} />}
      {connectionId && connection.isPending && <p className="muted">{t("connect.loadingAccounts")}</p>}
      {connection.isError && <CallbackFailure error={connection.error} />}
      {connection.data && <AccountPicker connection={connection.data} />}
      {!fromMeta && !connectionId && failure === null && (
        <div className="empty">
          <p>{t("connect.nothing")}</p>
          <ConnectButton />
        </div>
      )}
    </div>
  );
}

function CallbackFailure({ error }: { error: unknown }) {
  const code = error instanceof PixecomApiError ? error.code : null;
  const words = errorText(error);
  return (
    <section className="card" role="alert" data-testid="callback-error" data-code={code ?? ""}>
      <p className="error">{words}</p>
      <p>{t("connect.nothingConnected")}</p>
      <div className="card-foot">
        <ConnectButton label={t("connect.startAgain")} />
        <Link to="/ad-accounts">{t("connect.backToAccounts")}</Link>
      </div>
    </section>
  );
}
