create table things (id uuid primary key, name text not null);
