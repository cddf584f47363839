-- Centres, mediation organisations and agencies (one tree), and who belongs to which.
create table organisation (
    id           varchar(64)  primary key,
    code         varchar(64)  not null unique,
    name         varchar(200) not null,
    type         varchar(40)  not null,
    level        varchar(20),
    parent_id    varchar(64)  references organisation (id),
    case_no_abbr varchar(20),
    sort_order   integer      default 0 not null
);
create index idx_organisation_parent on organisation (parent_id);

create table organisation_member (
    user_id varchar(64) not null,
    org_id  varchar(64) not null references organisation (id),
    primary key (user_id, org_id)
);
create index idx_organisation_member_org on organisation_member (org_id);
