"""Passwords, JWT access tokens, refresh-token rotation, login throttling.

- passwords.py: argon2id (RFC 9106 low-memory profile by default, cost in settings), 10-256
  characters, rehash on login when the cost changes, a dummy verify for unknown emails.
- tokens.py: 15-minute HS256 access JWTs (sub, sid, iat, exp, iss, aud, jti, ver). Key rotation: set
  the secret to "new,old" (new signs, both verify), wait 15 minutes, then set it to "new".
- refresh.py: opaque 256-bit refresh tokens, stored as SHA-256, rotated on every use inside a
  30-day family; reuse of a spent token revokes the family; logout revokes the family.
- throttle.py: >5 failures per email or >20 per client address in 15 minutes -> 429 with
  Retry-After; a success resets the email's count (not the address's).
- service.py: register, login, refresh, logout, me (each takes the caller's Session).
- cli.py: `pixecom create-user`.
- members.py: the member's state every request checks its token against (short per-process cache).
- team.py: members, roles, invitations, narrowing to ad accounts, removal, ownership transfer.

Every request checks its access token against the member's state (pixecom.auth.members): a
removed or demoted member's tokens stop at their next request. After a plain logout, an access
token already issued stays valid until it expires (<= 15 min).
"""
