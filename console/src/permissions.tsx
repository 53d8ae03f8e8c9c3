// What the signed-in member may do, from GET /api/auth/me's permissions: screens hide the controls
// of what their role cannot do (the API refuses those with 403 anyway), and say why once.
import { useQuery } from "@tanstack/react-query";
import { can, type Me, type Permission } from "@pixecom/client";
import { client } from "./api";
import { t, type MessageKey } from "./i18n";

export function useMe() {
  return useQuery({ queryKey: ["me"], queryFn: () => client.me(), staleTime: Infinity });
}

/** Whether the signed-in member may do this; false until /me has answered (nothing flashes). */
export function useCan(permission: Permission): boolean {
  const me = useMe();
  return me.data !== undefined && can(me.data, permission);
}

/** A seller-wide write (thresholds, reporting currency): the permission, and not limited to some ad accounts. */
export function useCanSellerWide(permission: Permission): boolean {
  const me = useMe();
  return me.data !== undefined && can(me.data, permission) && me.data.ad_account_ids === null;
}

export const roleLabel = (role: Me["user"]["role"]): string => t(`role.${role}` as MessageKey);

/** "Your role (Analyst) may see this but not change it": where controls were hidden. */
export function ReadOnlyNote({ what }: { what: MessageKey }) {
  const me = useMe();
  if (!me.data) return null;
  return (
    <p className="small muted read-only-note" data-testid="read-only-note">
      {t("perm.readOnly", { role: roleLabel(me.data.user.role), what: t(what) })}
    </p>
  );
}
