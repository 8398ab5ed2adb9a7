-- What media last told the listings module about each listing's photos
-- (`media.listing.photos.changed`): the ready photos in display order, the
-- cover, and a revision that grows by one with every announced change. The
-- row is locked by each change, so revisions follow commit order per listing
-- and a consumer can ignore any revision lower than the one it holds.
create table media.listing_photo_states (
  listing_id uuid primary key,
  revision bigint not null,
  photos jsonb not null,
  cover_photo_id uuid
);
