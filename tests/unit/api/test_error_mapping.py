"""Service exceptions map to API errors in one table (api/errors.py), found through the class tree."""

from pixecom.accounts.connect import AccountNotFound
from pixecom.api.errors import api_error_for
from pixecom.auth.service import InvalidCredentials
from pixecom.control.jobs import QueueUnavailable


def test_a_subclass_finds_the_mapping_of_its_base():
    error = api_error_for(InvalidCredentials())
    assert (error.status_code, error.code, error.message) == (
        401,
        "invalid_credentials",
        "Invalid email or password",
    )


def test_an_unknown_account_is_a_404_that_names_no_id():
    error = api_error_for(AccountNotFound("6f1c"))
    assert (error.status_code, error.code, error.message) == (404, "not_found", "No such ad account")


def test_a_queue_outage_asks_the_client_to_retry():
    error = api_error_for(QueueUnavailable("could not queue the job"))
    assert (error.status_code, error.headers) == (503, {"Retry-After": "5"})


def test_an_unregistered_exception_has_no_client_error():
    assert api_error_for(RuntimeError("boom")) is None
