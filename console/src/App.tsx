import { useQuery } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { client, queryClient } from "./api";
import { CallbackPage } from "./connect/CallbackPage";
import { AdAccountsPage } from "./pages/AdAccounts";
import { AlertsPage, useOpenAlertCount } from "./pages/Alerts";
import { JobsPage } from "./pages/Jobs";
import { RulesPage } from "./pages/Rules";
import { AdsManagerPage } from "./pages/AdsManager";
import { LoginPage } from "./pages/Login";
import { HOME, Link, loginHref, navigate, useLocation } from "./router";
import { useSession } from "./session";

export function App() {
  const { pathname, href } = useLocation();
  const { ready, authenticated } = useSession();
  const isPublic = pathname === "/login" || pathname === "/register";

  useEffect(() => {
    if (!ready) return;
    if (pathname === "/") navigate(authenticated ? HOME : "/login", { replace: true });
    else if (!isPublic && !authenticated) navigate(loginHref(href), { replace: true });
  }, [ready, authenticated, pathname, href, isPublic]);

  if (!ready) return <div className="splash">Loading…</div>;
  if (isPublic) return <LoginPage mode={pathname === "/register" ? "register" : "login"} />;
  if (!authenticated) return <div className="splash">Redirecting to login…</div>;
  return <Shell>{route(pathname)}</Shell>;
}

function route(pathname: string): ReactNode {
  const ads = pathname.match(/^\/ads-manager\/(campaigns|adsets|ads)$/);
  if (ads) return <AdsManagerPage level={ads[1] as "campaigns" | "adsets" | "ads"} />;
  if (pathname === "/ad-accounts") return <AdAccountsPage />;
  if (pathname === "/meta/callback") return <CallbackPage />;
  if (pathname === "/alerts") return <AlertsPage />;
  if (pathname === "/rules") return <RulesPage />;
  if (pathname === "/jobs") return <JobsPage />;
  return (
    <div className="empty">
      Nothing here. <Link to={HOME}>Go to the Ads Manager</Link>
    </div>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const me = useQuery({ queryKey: ["me"], queryFn: () => client.me(), staleTime: Infinity });
  const openAlerts = useOpenAlertCount();
  const logout = async () => {
    await client.logout();
    queryClient.clear();
    navigate("/login");
  };
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">PixEcom</span>
        <nav>
          <Link to={HOME} className={pathname.startsWith("/ads-manager") ? "active" : ""}>
            Ads Manager
          </Link>
          <Link to="/rules" className={pathname === "/rules" ? "active" : ""}>
            Rules
          </Link>
          <Link to="/alerts" className={pathname === "/alerts" ? "active" : ""} data-testid="nav-alerts">
            Alerts
            {openAlerts.data && openAlerts.data !== "0" && (
              <span className="nav-count" aria-label={`${openAlerts.data} open`}>
                {openAlerts.data}
              </span>
            )}
          </Link>
          <Link to="/jobs" className={pathname === "/jobs" ? "active" : ""}>
            Jobs
          </Link>
          <Link to="/ad-accounts" className={pathname === "/ad-accounts" ? "active" : ""}>
            Ad accounts
          </Link>
        </nav>
        <span className="spacer" />
        {me.data && (
          <span className="who" data-testid="who">
            {me.data.seller.name} · {me.data.user.email}
          </span>
        )}
        <button type="button" className="link-button" onClick={() => void logout()}>
          Log out
        </button>
      </header>
      <main>{children}</main>
    </div>
  );
}
