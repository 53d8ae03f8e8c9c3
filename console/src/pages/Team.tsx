import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { unwrap } from "@pixecom/client";
import type { Invitation, Member, NewInvitation, UserRole } from "@pixecom/types";
import { client, errorText, queryClient } from "../api";
import { ErrorBox } from "../components/ErrorBox";
import { useAdAccounts } from "../components/Filters";
import { dateTime } from "../format";
import { t, type MessageKey } from "../i18n";
import { roleLabel, useCan, useMe } from "../permissions";

const ROLES: UserRole[] = ["owner", "admin", "media_buyer", "analyst"];

/** Which roles this member may give (and change or remove holders of): owners every one, admins
 * every one but owner (pixecom.domain.permissions.may_manage). */
function useAssignableRoles(): Set<UserRole> {
  const manage = useCan("members.manage");
  const ownership = useCan("ownership");
  if (!manage) return new Set();
  return new Set(ROLES.filter((role) => role !== "owner" || ownership));
}

/** The team: members and their roles, pending invitations, and what each role may do. */
export function TeamPage() {
  const manage = useCan("members.manage");
  const members = useQuery({
    queryKey: ["team", "members"],
    queryFn: async () => unwrap(await client.api.GET("/api/team/members")).data,
  });
  return (
    <div className="team-page">
      <h1>{t("team.title")}</h1>
      {members.isError && <ErrorBox error={members.error} onRetry={() => void members.refetch()} />}
      {members.data && <Members members={members.data} />}
      {manage && <Invitations />}
      <RoleTable />
    </div>
  );
}

function accountsText(ids: string[] | null, names: Map<string, string>): string {
  if (ids === null) return t("team.allAccounts");
  return ids.map((id) => names.get(id) ?? id).join(", ") || t("team.noAccounts");
}

function useAccountNames(): Map<string, string> {
  const accounts = useAdAccounts();
  return new Map((accounts.data?.data ?? []).map((a) => [a.id, a.name]));
}

function Members({ members }: { members: Member[] }) {
  const assignable = useAssignableRoles();
  const me = useMe();
  const names = useAccountNames();
  const [removing, setRemoving] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["team"] });
  const change = useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: UserRole }) =>
      unwrap(await client.api.PATCH("/api/team/members/{user_id}", { params: { path: { user_id: userId } }, body: { role } })),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: async (userId: string) => unwrap(await client.api.DELETE("/api/team/members/{user_id}", { params: { path: { user_id: userId } } })),
    onSuccess: () => setRemoving(null),
    onSettled: refresh,
  });
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t("team.members")}</h2>
      <div className="table-wrap">
        <table className="grid" data-testid="members">
          <thead>
            <tr>
              <th>{t("team.email")}</th>
              <th>{t("team.role")}</th>
              <th>{t("team.accounts")}</th>
              <th>{t("team.joined")}</th>
              <th>{t("team.lastLogin")}</th>
              <th>
                <span className="sr-only">{t("team.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const self = m.user_id === me.data?.user.id;
              const editable = !self && assignable.has(m.role);
              return (
                <tr key={m.user_id} data-email={m.email} data-role={m.role}>
                  <td>
                    {m.email}
                    {self && <span className="muted small"> {t("team.you")}</span>}
                  </td>
                  <td>
                    {editable ? (
                      <select
                        aria-label={t("team.roleOf", { email: m.email })}
                        value={m.role}
                        disabled={change.isPending}
                        onChange={(e) => change.mutate({ userId: m.user_id, role: e.target.value as UserRole })}
                      >
                        {ROLES.filter((r) => assignable.has(r)).map((r) => (
                          <option key={r} value={r}>
                            {roleLabel(r)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      roleLabel(m.role)
                    )}
                  </td>
                  <td className="small">{accountsText(m.ad_account_ids, names)}</td>
                  <td className="small">{dateTime(m.joined_at)}</td>
                  <td className="small">{dateTime(m.last_login_at)}</td>
                  <td>
                    {editable &&
                      (removing === m.user_id ? (
                        <span className="confirm">
                          <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate(m.user_id)}>
                            {t("team.confirmRemove", { email: m.email })}
                          </button>
                          <button type="button" className="link-button" onClick={() => setRemoving(null)}>
                            {t("common.cancel")}
                          </button>
                        </span>
                      ) : (
                        <button type="button" onClick={() => setRemoving(m.user_id)} aria-label={t("team.removeOf", { email: m.email })}>
                          {t("team.remove")}
                        </button>
                      ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {change.isError && <p className="error small" role="alert">{errorText(change.error)}</p>}
      {remove.isError && <p className="error small" role="alert">{errorText(remove.error)}</p>}
    </section>
  );
}

function Invitations() {
  const assignable = useAssignableRoles();
  const names = useAccountNames();
  const pending = useQuery({
    queryKey: ["team", "invitations"],
    queryFn: async () => unwrap(await client.api.GET("/api/team/invitations")).data,
  });
  const [made, setMade] = useState<NewInvitation | null>(null);
  const cancel = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await client.api.DELETE("/api/team/invitations/{invitation_id}", { params: { path: { invitation_id: id } } })),
    onSuccess: (_, id) => {
      if (made?.id === id) setMade(null);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["team", "invitations"] }),
  });
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t("team.invitations")}</h2>
      <InviteForm roles={ROLES.filter((r) => assignable.has(r))} onMade={setMade} />
      {made && <NewInvitationBox invitation={made} />}
      {pending.isError && <ErrorBox error={pending.error} onRetry={() => void pending.refetch()} />}
      {pending.data?.length === 0 && <p className="muted small">{t("team.noInvitations")}</p>}
      {pending.data && pending.data.length > 0 && (
        <ul className="invitations" data-testid="invitations">
          {pending.data.map((inv: Invitation) => (
            <li key={inv.id} data-email={inv.email ?? ""}>
              <strong>{inv.email}</strong> · {roleLabel(inv.role)} · <span className="small">{accountsText(inv.ad_account_ids, names)}</span> ·{" "}
              <span className="small muted">{t("team.expires", { when: dateTime(inv.expires_at) })}</span>{" "}
              <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate(inv.id)} aria-label={t("team.revokeOf", { email: inv.email ?? "" })}>
                {t("team.revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {cancel.isError && <p className="error small" role="alert">{errorText(cancel.error)}</p>}
    </section>
  );
}

function InviteForm({ roles, onMade }: { roles: UserRole[]; onMade: (made: NewInvitation) => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<UserRole>("media_buyer");
  const invite = useMutation({
    mutationFn: async () => unwrap(await client.api.POST("/api/team/invitations", { body: { email, role } })),
    onSuccess: (made) => {
      setEmail("");
      onMade(made);
      void queryClient.invalidateQueries({ queryKey: ["team", "invitations"] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t("team.inviteForm")}>
      <label>
        {t("team.email")}
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t("team.role")}
        <select value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={invite.isPending}>
        {t("team.invite")}
      </button>
      {invite.isError && <span className="error small" role="alert">{errorText(invite.error)}</span>}
    </form>
  );
}

/** The code is shown once (the API keeps only its hash): the link and the code, each to copy. */
function NewInvitationBox({ invitation }: { invitation: NewInvitation }) {
  const link = window.location.origin + invitation.accept_path;
  const [copied, setCopied] = useState<"link" | "code" | null>(null);
  const copy = (what: "link" | "code", text: string) =>
    void navigator.clipboard.writeText(text).then(
      () => setCopied(what),
      () => setCopied(null),
    );
  return (
    <div className="new-invitation" data-testid="new-invitation" role="status">
      <p>{t("team.invited", { email: invitation.email, when: dateTime(invitation.expires_at) })}</p>
      <dl className="facts">
        <dt>{t("team.link")}</dt>
        <dd>
          <code data-testid="invitation-link">{link}</code>{" "}
          <button type="button" onClick={() => copy("link", link)}>
            {copied === "link" ? t("team.copied") : t("team.copyLink")}
          </button>
        </dd>
        <dt>{t("team.code")}</dt>
        <dd>
          <code data-testid="invitation-code">{invitation.code}</code>{" "}
          <button type="button" onClick={() => copy("code", invitation.code)}>
            {copied === "code" ? t("team.copied") : t("team.copyCode")}
          </button>
        </dd>
      </dl>
      <p className="small muted">{t("team.shownOnce")}</p>
    </div>
  );
}

/** What each role may do, from the API's permission table. */
function RoleTable() {
  const roles = useQuery({
    queryKey: ["team", "roles"],
    queryFn: async () => unwrap(await client.api.GET("/api/team/roles")).data,
    staleTime: Infinity,
  });
  if (!roles.data) return null;
  const permissions = [...new Set(roles.data.flatMap((r) => r.permissions))];
  return (
    <section className="card" aria-labelledby="roles-title">
      <h2 id="roles-title">{t("team.roles")}</h2>
      <div className="table-wrap">
        <table className="grid small" data-testid="role-table">
          <thead>
            <tr>
              <th>{t("team.permission")}</th>
              {roles.data.map((r) => (
                <th key={r.role}>{roleLabel(r.role)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {permissions.map((p) => (
              <tr key={p}>
                <td>{t(`permission.${p}` as MessageKey)}</td>
                {roles.data.map((r) => (
                  <td key={r.role} className="center">
                    {r.permissions.includes(p) ? <span aria-label={t("team.yes")}>✓</span> : <span aria-label={t("team.no")}>–</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">{t("team.limitedNote")}</p>
    </section>
  );
}
