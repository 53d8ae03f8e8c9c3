"""The base of every response model."""

from pydantic import BaseModel, ConfigDict


class OutModel(BaseModel):
    """No undocumented field, and a field with a default is still required in the response schema
    (it is always present in the JSON), so generated types do not mark it optional."""

    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)
