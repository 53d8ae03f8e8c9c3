import { useEffect, useState, type FormEvent } from "react";
import { PixecomApiError } from "@pixecom/client";
import { client, errorText } from "../api";
import { waitText } from "../format";
import { HOME, Link, navigate, useLocation } from "../router";

export function LoginPage({ mode }: { mode: "login" | "register" }) {
  const { search } = useLocation();
  const next = search.get("next") ?? "";
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [sellerName, setSellerName] = useState("");
  // Sign-up by invitation: the code comes in the link (?invitation=...) or is typed once the API
  // says one is needed; with open sign-up the field never shows.
  const [invitation, setInvitation] = useState(search.get("invitation") ?? "");
  const [askInvitation, setAskInvitation] = useState(invitation !== "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const waitLeft = useCountdown(waitUntil);

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
          seller_name: sellerName,
          ...(invitation.trim() ? { invitation_code: invitation.trim() } : {}),
        });
      navigate(next.startsWith("/") && !next.startsWith("//") ? next : HOME, { replace: true });
    } catch (e) {
      // Show the API's own words; a throttled login also says how long to wait.
      if (e instanceof PixecomApiError) {
        setError({ message: e.message, field: e.field ?? undefined });
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
      <form className="card login-card" onSubmit={(e) => void submit(e)} aria-label={mode === "login" ? "Log in" : "Register"}>
        <h1>PixEcom Ads Manager</h1>
        <p className="muted">{mode === "login" ? "Log in to your seller account" : "Create a seller account"}</p>
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete={mode === "login" ? "current-password" : "new-password"}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {mode === "register" && (
          <label>
            Seller name
            <input name="seller_name" required value={sellerName} onChange={(e) => setSellerName(e.target.value)} />
          </label>
        )}
        {mode === "register" && askInvitation && (
          <label>
            Invitation code
            <input name="invitation_code" autoComplete="off" value={invitation} onChange={(e) => setInvitation(e.target.value)} />
          </label>
        )}
        {error && (
          <div className="error" role="alert">
            {error.message}
            {error.field && <span className="muted"> ({error.field})</span>}
            {waitLeft > 0 && <div>Try again in {waitText(waitLeft)}.</div>}
          </div>
        )}
        <button type="submit" className="primary" disabled={busy || waitLeft > 0}>
          {mode === "login" ? "Log in" : "Create account"}
        </button>
        <p className="muted small">
          {mode === "login" ? "No account yet? " : "Already registered? "}
          <Link to={other + carry}>{mode === "login" ? "Register" : "Log in"}</Link>
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
