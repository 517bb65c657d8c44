"""Alembic environment: runs migrations on a synchronous connection to the configured URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool, text

from bot.store.schema import metadata

config = context.config
url = config.get_main_option("sqlalchemy.url")
assert url, "sqlalchemy.url must be set by bot.store.db.alembic_config"
engine = create_engine(url, poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # Workers starting together on a new database: one migrates, the others wait.
            connection.execute(text("SELECT pg_advisory_xact_lock(7262012)"))
        context.run_migrations()
engine.dispose()
