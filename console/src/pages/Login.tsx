import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { PixecomApiError, unwrap } from "@pixecom/client";
import { client, errorText } from "../api";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { waitText } from "../format";
import { t } from "../i18n";
import { HOME, Link, navigate, useLocation } from "../router";

/** Whether sign-up needs an invitation, and the password rule: shown before any submit. */
function useSignupRules() {
  return useQuery({
    queryKey: ["signup-rules"],
    queryFn: async () => unwrap(await client.api.GET("/api/auth/signup-rules")),
    staleTime: Infinity,
  });
}

export function LoginPage({ mode }: { mode: "login" | "register" }) {
  const { search } = useLocation();
  const next = search.get("next") ?? "";
  const rules = useSignupRules();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sellerName, setSellerName] = useState("");
  // The code comes in the invitation link (?invitation=...) or is typed; the field shows when the
  // server signs up by invitation (or the API asks for one, or the link carries it).
  const [invitation, setInvitation] = useState(search.get("invitation") ?? "");
  const [askInvitation, setAskInvitation] = useState(invitation !== "");
  const showInvitation = askInvitation || rules.data?.mode === "invitation";
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const waitLeft = useCountdown(waitUntil);
  const minPassword = rules.data?.min_password_length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === "login") await client.login({ email, password });
      else
        await client.register({
          email,
          password,
          seller_name: sellerName.trim() || null,
          ...(invitation.trim() ? { invitation_code: invitation.trim() } : {}),
        });
      navigate(next.startsWith("/") && !next.startsWith("//") ? next : HOME, { replace: true });
    } catch (e) {
      // The API's code in the chosen language; a throttled login also says how long to wait.
      if (e instanceof PixecomApiError) {
        setError({ message: errorText(e), field: e.field ?? undefined });
        if (e.code.startsWith("invitation_")) setAskInvitation(true);
        if (e.status === 429 && e.retryAfter) setWaitUntil(Date.now() + e.retryAfter * 1000);
      } else setError({ message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const other = mode === "login" ? "/register" : "/login";
  const carry = next ? `?next=${encodeURIComponent(next)}` : "";
  return (
    <div className="login-page">
      <form className="card login-card" onSubmit={(e) => void submit(e)} aria-label={mode === "login" ? t("login.submitLogin") : t("login.submitRegister")}>
        <div className="login-head">
          <h1>{t("login.title")}</h1>
          <LanguageSwitch />
        </div>
        <p className="muted">{mode === "login" ? t("login.subtitleLogin") : t("login.subtitleRegister")}</p>
        <label>
          {t("login.email")}
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t("login.password")}
          <input
            type="password"
            name="password"
            autoComplete={mode === "login" ? "current-password" : "new-password"}
            required
            minLength={mode === "register" ? minPassword : undefined}
            aria-describedby={mode === "register" ? "password-rule" : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {mode === "register" && minPassword && (
          <p id="password-rule" className="small muted hint" data-testid="password-rule">
            {t("login.passwordRule", { min: minPassword })}
          </p>
        )}
        {mode === "register" && (
          // A team's invitation joins its seller: no seller of one's own to name (the API ignores it).
          <label>
            {t("login.sellerName")}
            <input
              name="seller_name"
              required={!invitation.trim()}
              aria-describedby={invitation.trim() ? "seller-name-hint" : undefined}
              value={sellerName}
              onChange={(e) => setSellerName(e.target.value)}
            />
            {invitation.trim() && (
              <span id="seller-name-hint" className="small muted">
                {t("login.sellerNameHint")}
              </span>
            )}
          </label>
        )}
        {mode === "register" && showInvitation && (
          <label>
            {t("login.invitation")}
            <input name="invitation_code" autoComplete="off" aria-describedby="invitation-hint" value={invitation} onChange={(e) => setInvitation(e.target.value)} />
            <span id="invitation-hint" className="small muted">
              {t("login.invitationHint")}
            </span>
          </label>
        )}
        {error && (
          <div className="error" role="alert">
            {error.message}
            {error.field && <span className="muted"> {t("login.field", { field: error.field })}</span>}
            {waitLeft > 0 && <div>{t("login.tryAgainIn", { wait: waitText(waitLeft) })}</div>}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy || waitLeft > 0}>
          {mode === "login" ? t("login.submitLogin") : t("login.submitRegister")}
        </button>
        <p className="muted small">
          {mode === "login" ? t("login.noAccount") : t("login.registered")}{" "}
          <Link to={other + carry}>{mode === "login" ? t("login.linkRegister") : t("login.linkLogin")}</Link>
        </p>
      </form>
    </div>
  );
}

/** Seconds left until `until` (ms epoch), ticking every second; 0 when there is nothing to wait for. */
function useCountdown(until: number | null): number {
  const left = () => (until ? Math.max(0, Math.ceil((until - Date.now()) / 1000)) : 0);
  const [value, setValue] = useState(left);
  useEffect(() => {
    setValue(left());
    if (!until) return;
    const timer = window.setInterval(() => setValue(left()), 1000);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until]);
  return value;
}
