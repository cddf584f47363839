-- Working-day calendar: years with data, and the exceptions to "Monday to Friday".
create table calendar_year (
    year_no    integer primary key,
    updated_at timestamp with time zone not null
);
create table calendar_day (
    day_date date        primary key,
    kind     varchar(10) not null, -- HOLIDAY (rest day) or WORKDAY (调休 make-up working day)
    name     varchar(100)
);
