"""``sent_messages``: each platform message id of a sent outbox row, so ``/why`` and a
reaction find the message behind a link by an index instead of scanning every outbox row's
JSON ``message_ids`` (issue 24 review). The rows already sent are copied in, so a link to a
message sent before this migration is still answered.

Revision ID: 0016_sent_messages
Revises: 0015_delivery_reasons
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_sent_messages"
down_revision = "0015_delivery_reasons"
branch_labels = None
depends_on = None

BATCH = 1000  # outbox rows read at a time: a big outbox is never held in memory at once
MAX_ID = 64  # the column's width; a longer id was never a platform's (nothing links to it)


def upgrade() -> None:
    sent = op.create_table(
        "sent_messages",
        sa.Column("message_id", sa.String(length=64), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["outbox_id"], ["outbox.id"], ondelete="CASCADE",
                                name="fk_sent_messages_outbox_id_outbox"),
        sa.PrimaryKeyConstraint("message_id", "outbox_id", name="pk_sent_messages"),
    )
    op.create_index("ix_sent_messages_outbox_id", "sent_messages", ["outbox_id"])
    outbox = sa.table("outbox", sa.column("id", sa.Integer()), sa.column("state", sa.String()),
                      sa.column("message_ids", sa.JSON()))
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(
            sa.select(outbox.c.id, outbox.c.message_ids)
            .where(outbox.c.id > last, outbox.c.state == "sent",
                   outbox.c.message_ids.is_not(None))
            .order_by(outbox.c.id).limit(BATCH)).all()
        if not rows:
            break
        last = int(rows[-1].id)
        found = {(str(m), int(row.id)) for row in rows for m in row.message_ids or []
                 if 0 < len(str(m)) <= MAX_ID}
        if found:
            bind.execute(sa.insert(sent), [{"message_id": m, "outbox_id": i} for m, i in found])


def downgrade() -> None:
    op.drop_index("ix_sent_messages_outbox_id", table_name="sent_messages")
    op.drop_table("sent_messages")
