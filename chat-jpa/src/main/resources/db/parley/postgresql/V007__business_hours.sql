-- Parley schema version 7: business hours, one calendar per department (department_id 0: the default of all).
-- Stored as local times and dates with their zone, and evaluated when asked, so daylight-saving changes never
-- shift them. periods: 'MONDAY 09:00-17:00;FRIDAY 22:00-06:00'; closed_dates: '2026-12-25,2026-12-26'.
CREATE TABLE ${prefix}business_hours (
    department_id BIGINT        NOT NULL,
    time_zone     VARCHAR(64)   NOT NULL,
    periods       VARCHAR(4000) NOT NULL,
    closed_dates  VARCHAR(8000) NOT NULL,
    CONSTRAINT ${prefix}business_hours_pk PRIMARY KEY (department_id)
);
