-- Papers from sources outside arXiv (bioRxiv, medRxiv) are known by their DOI, as arXiv papers by their id.
alter table paper add column doi varchar(255);
create unique index paper_doi on paper (doi);
