-- The related-meaning signal: each paper's sentence embedding of its title and abstract (384 little-endian
-- floats, unit length), computed
-- once when the paper is first indexed and kept here, so a rebuilt index or a second instance never re-embeds.
alter table paper add column embedding bytea;
alter table paper add column embedding_model varchar(64);
