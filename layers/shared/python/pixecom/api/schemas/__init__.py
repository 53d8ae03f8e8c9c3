"""Request/response DTOs of the API (pydantic), one module per area."""
