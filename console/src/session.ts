// The session store: whether we are signed in (from the client), and whether the app has tried
// to restore a session from the refresh cookie yet.
import { useEffect, useState, useSyncExternalStore } from "react";
import { client } from "./api";

let restored: Promise<unknown> | null = null;
const subscribe = (listener: () => void) => client.subscribe(() => listener());
const isAuthenticated = () => client.isAuthenticated();

// Whether this browser had a session: without one there is no refresh cookie to try, and the
// refresh would only fail (a 401 in the console on every first visit). Never the token itself.
const HINT = "pixecom.session";
client.subscribe(() => {
  if (client.isAuthenticated()) window.localStorage.setItem(HINT, "1");
  else window.localStorage.removeItem(HINT);
});

/** Restore the session once per page load (a refresh from the cookie); never throws. */
function restoreOnce(): Promise<unknown> {
  restored ??= window.localStorage.getItem(HINT) ? client.restore().catch(() => false) : Promise.resolve(false);
  return restored;
}

export function useSession(): { ready: boolean; authenticated: boolean } {
  const authenticated = useSyncExternalStore(subscribe, isAuthenticated);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void restoreOnce().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return { ready, authenticated };
}
