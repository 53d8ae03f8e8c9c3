import { useEffect, type ReactNode } from "react";
import { client, queryClient } from "./api";
import type { Permission } from "@pixecom/client";
import { usePreferences } from "./components/ColumnChooser";
import { CallbackPage } from "./connect/CallbackPage";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { setLocale, t, useLocale } from "./i18n";
import { AdAccountsPage } from "./pages/AdAccounts";
import { AdsManagerPage } from "./pages/AdsManager";
import { CreativesPage } from "./pages/Creatives";
import { AlertsPage, useOpenAlertCount } from "./pages/Alerts";
import { JobsPage } from "./pages/Jobs";
import { LoginPage } from "./pages/Login";
import { RulesPage } from "./pages/Rules";
import { TeamPage } from "./pages/Team";
import { useCan, useMe } from "./permissions";
import { HOME, Link, loginHref, navigate, useLocation } from "./router";
import { useSession } from "./session";

export function App() {
  const { pathname, href } = useLocation();
  const { ready, authenticated } = useSession();
  useLocale(); // a new language re-renders every screen
  const isPublic = pathname === "/login" || pathname === "/register";

  useEffect(() => {
    if (!ready) return;
    if (pathname === "/") navigate(authenticated ? HOME : "/login", { replace: true });
    else if (!isPublic && !authenticated) navigate(loginHref(href), { replace: true });
  }, [ready, authenticated, pathname, href, isPublic]);

  if (!ready) return <div className="splash">{t("app.loading")}</div>;
  if (isPublic) return <LoginPage mode={pathname === "/register" ? "register" : "login"} />;
  if (!authenticated) return <div className="splash">{t("app.redirecting")}</div>;
  return <Shell>{route(pathname)}</Shell>;
}

function route(pathname: string): ReactNode {
  const ads = pathname.match(/^\/ads-manager\/(campaigns|adsets|ads)$/);
  if (ads) return <AdsManagerPage level={ads[1] as "campaigns" | "adsets" | "ads"} />;
  if (pathname === "/ads-manager/creatives") return <CreativesPage />;
  if (pathname === "/ad-accounts") return <AdAccountsPage />;
  if (pathname === "/meta/callback") return <CallbackPage />;
  if (pathname === "/alerts") return <AlertsPage />;
  if (pathname === "/rules") return <RulesPage />;
  if (pathname === "/jobs") return <JobsPage />;
  if (pathname === "/team") return <TeamPage />;
  return (
    <div className="empty">
      {t("app.nothingHere")} <Link to={HOME}>{t("app.goHome")}</Link>
    </div>
  );
}

type NavKey = "nav.adsManager" | "nav.rules" | "nav.alerts" | "nav.jobs" | "nav.adAccounts" | "nav.team";
// `needs`: shown only to a member with that permission (every signed-in member has `read`).
const NAV: { to: string; key: NavKey; active: (p: string) => boolean; needs?: Permission }[] = [
  { to: HOME, key: "nav.adsManager", active: (p) => p.startsWith("/ads-manager") },
  { to: "/rules", key: "nav.rules", active: (p) => p === "/rules" },
  { to: "/alerts", key: "nav.alerts", active: (p) => p === "/alerts" },
  { to: "/jobs", key: "nav.jobs", active: (p) => p === "/jobs" },
  { to: "/ad-accounts", key: "nav.adAccounts", active: (p) => p === "/ad-accounts" || p === "/meta/callback" },
  { to: "/team", key: "nav.team", active: (p) => p === "/team", needs: "team.read" },
];

function Shell({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const me = useMe();
  const mayTeam = useCan("team.read");
  const openAlerts = useOpenAlertCount();
  const prefs = usePreferences();
  useEffect(() => {
    if (prefs.data) setLocale(prefs.data.locale);
  }, [prefs.data]);
  const logout = async () => {
    await client.logout();
    queryClient.clear();
    navigate("/login");
  };
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">PixEcom</span>
        <nav aria-label="PixEcom">
          {NAV.filter((item) => item.needs !== "team.read" || mayTeam).map((item) => (
            <Link key={item.to} to={item.to} className={item.active(pathname) ? "active" : ""} data-testid={item.key === "nav.alerts" ? "nav-alerts" : undefined}>
              {t(item.key)}
              {item.key === "nav.alerts" && openAlerts.data && openAlerts.data !== "0" && (
                <span className="nav-count" aria-label={t("nav.openAlerts", { count: openAlerts.data })}>
                  {openAlerts.data}
                </span>
              )}
            </Link>
          ))}
        </nav>
        <span className="spacer" />
        <LanguageSwitch saveForUser />
        {me.data && (
          <span className="who" data-testid="who">
            {me.data.seller.name} · {me.data.user.email}
          </span>
        )}
        <button type="button" className="link-button" onClick={() => void logout()}>
          {t("nav.logout")}
        </button>
      </header>
      <main>{children}</main>
    </div>
  );
}
