"""Meta Graph API: the client (`meta.client.GraphClient`), its transport, typed errors and rows.

Nothing is imported here: `pixecom.meta.errors` must not pull in httpx (cold starts).
"""
