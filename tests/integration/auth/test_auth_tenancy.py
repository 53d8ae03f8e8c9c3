"""Two sellers who cannot see each other."""

from auth_helpers import bearer


def test_each_seller_sees_only_itself_on_me(api, register):
    alice = register(email="alice@example.com", seller_name="Alice Shop")
    bob = register(email="bob@example.com", seller_name="Bob Shop")
    assert alice["seller"]["id"] != bob["seller"]["id"]

    alice_me = api.get("/api/auth/me", headers=bearer(alice["access_token"])).json()
    bob_me = api.get("/api/auth/me", headers=bearer(bob["access_token"])).json()
    assert (alice_me["user"], alice_me["seller"]) == (
        alice["user"],
        {"id": alice["seller"]["id"], "name": "Alice Shop"},
    )
    assert (bob_me["user"], bob_me["seller"]) == (
        bob["user"],
        {"id": bob["seller"]["id"], "name": "Bob Shop"},
    )


def test_refresh_keeps_the_seller_of_the_session(api, register):
    register(email="alice@example.com", seller_name="Alice Shop")
    bob = register(email="bob@example.com", seller_name="Bob Shop")
    renewed = api.post("/api/auth/refresh", json={"refresh_token": bob["refresh_token"]}).json()
    me = api.get("/api/auth/me", headers=bearer(renewed["access_token"])).json()
    assert me["seller"]["name"] == "Bob Shop"


def test_one_sellers_logout_does_not_end_anothers_session(api, register):
    alice = register(email="alice@example.com", seller_name="Alice Shop")
    bob = register(email="bob@example.com", seller_name="Bob Shop")
    assert api.post("/api/auth/logout", json={"refresh_token": alice["refresh_token"]}).status_code == 204
    assert api.post("/api/auth/refresh", json={"refresh_token": bob["refresh_token"]}).status_code == 200
