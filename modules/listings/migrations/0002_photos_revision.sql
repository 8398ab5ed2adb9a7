-- The revision of the last `media.listing.photos.changed` applied to the
-- listing's photos (null: none yet). A lower or equal revision is ignored, so
-- a late or repeated event never brings older photos back.
alter table listings.listings add column photos_revision bigint;
