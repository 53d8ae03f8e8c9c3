"""Alembic environment: the URL comes from the config (tests, CLI) or from settings."""

from alembic import context
from sqlalchemy import create_engine, pool

from pixecom.db.engine import resolve_database_url
from pixecom.db.models import Base
from pixecom.db.partitions import include_in_autogenerate
from pixecom.settings import get_settings

config = context.config
url = config.get_main_option("sqlalchemy.url") or resolve_database_url(get_settings())

connectable = create_engine(url, poolclass=pool.NullPool)
with connectable.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        compare_type=True,
        include_name=include_in_autogenerate,
    )
    with context.begin_transaction():
        context.run_migrations()
connectable.dispose()
