-- Full-text search over name (weight A) and description (weight B). A stored generated column keeps the vector in
-- step with every write without triggers; 'simple' would not stem, 'english' matches "kettles" to "kettle".
alter table products
    add column search_vector tsvector generated always as (
        setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', description), 'B')
    ) stored;

-- `q` searches: websearch_to_tsquery(...) @@ search_vector. GIN is the index type for tsvector containment.
create index products_search on products using gin (search_vector) where not deleted;

-- `category` filter (equality) combined with the default newest-first order.
create index products_live_by_category on products (category, created_at desc, id) where not deleted;

-- `minPrice`/`maxPrice` range filters and `sort=price` (amounts; the optional `currency` filter narrows further).
create index products_live_by_price on products (price_amount, id) where not deleted;

-- `sort=name`.
create index products_live_by_name on products (name, id) where not deleted;

-- `inStock=true` keeps rows with stock > 0; a partial index on exactly those rows stays small as stock runs out.
create index products_live_in_stock on products (created_at desc, id) where not deleted and stock > 0;

-- Amounts carry at most 4 decimals (numeric(19,4)); the currency's own minor units (2 for EUR, 0 for JPY, 3 for
-- BHD) are enforced by the service, which knows ISO 4217. Names and categories are never blank.
alter table products
    add constraint products_name_not_blank check (btrim(name) <> ''),
    add constraint products_category_not_blank check (btrim(category) <> ''),
    add constraint products_sku_format check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$');
