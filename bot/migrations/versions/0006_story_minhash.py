"""Story clustering by MinHash: a signature on each brief and an indexed table of its LSH bands,
so a new brief finds near-duplicates without loading other briefs' article texts.

Briefs stored before this revision have no signature and are not candidates; after the 48-hour
story window that makes no difference.

Revision ID: 0006_story_minhash
Revises: 0005_feed_servers
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_story_minhash"
down_revision = "0005_feed_servers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("briefs") as batch:
        batch.add_column(sa.Column("signature", sa.LargeBinary(), nullable=True))
    op.create_table(
        "story_bands",
        sa.Column("band", sa.BigInteger(), nullable=False),
        sa.Column("brief_id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["brief_id"], ["briefs.id"], ondelete="CASCADE",
                                name="fk_story_bands_brief_id_briefs"),
        sa.PrimaryKeyConstraint("band", "brief_id", name="pk_story_bands"),
    )
    op.create_index("ix_story_bands_feed_created", "story_bands", ["feed_id", "created_at"])
    op.create_index("ix_story_bands_brief_id", "story_bands", ["brief_id"])


def downgrade() -> None:
    op.drop_index("ix_story_bands_brief_id", table_name="story_bands")
    op.drop_index("ix_story_bands_feed_created", table_name="story_bands")
    op.drop_table("story_bands")
    with op.batch_alter_table("briefs") as batch:
        batch.drop_column("signature")
