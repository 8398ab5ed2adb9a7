-- A region or a province named in the words ("appartement Bruxelles") or chosen
-- as a filter had no index: the newest-first walk then read, and matched the
-- full-text vector of, every listing of the country until it found a page
-- (EXPLAIN on 100k listings: 44,870 rows filtered, 156 ms). With these the
-- walk stays inside the region, and counts can AND it with the text index.
create index if not exists listings_region_newest on search.listings (region, published_at desc, id desc);
create index if not exists listings_province on search.listings (province_nis);
