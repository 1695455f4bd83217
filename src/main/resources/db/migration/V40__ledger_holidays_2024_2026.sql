-- The State Council's holiday schedules for 2024-2026, as V11 shipped 2023's: public holidays falling on weekdays
-- (working = false) and the weekend days worked in exchange (调休, working = true). Weekend days inside a holiday
-- are non-working anyway and need no row. Sources: 国办发明电〔2023〕7号 (2024), 国办发明电〔2024〕12号 (2025),
-- 国办发明电〔2025〕7号 (2026). An installation that already entered a day keeps its own entry.
insert into holiday_calendar (day, working, name) values
    -- 2024
    ('2024-01-01', false, 'New Year'),
    ('2024-02-04', true, 'Spring Festival'),
    ('2024-02-12', false, 'Spring Festival'), ('2024-02-13', false, 'Spring Festival'),
    ('2024-02-14', false, 'Spring Festival'), ('2024-02-15', false, 'Spring Festival'),
    ('2024-02-16', false, 'Spring Festival'), ('2024-02-18', true, 'Spring Festival'),
    ('2024-04-04', false, 'Qingming'), ('2024-04-05', false, 'Qingming'), ('2024-04-07', true, 'Qingming'),
    ('2024-04-28', true, 'Labour Day'), ('2024-05-01', false, 'Labour Day'), ('2024-05-02', false, 'Labour Day'),
    ('2024-05-03', false, 'Labour Day'), ('2024-05-11', true, 'Labour Day'),
    ('2024-06-10', false, 'Dragon Boat'),
    ('2024-09-14', true, 'Mid-Autumn'), ('2024-09-16', false, 'Mid-Autumn'), ('2024-09-17', false, 'Mid-Autumn'),
    ('2024-09-29', true, 'National Day'), ('2024-10-01', false, 'National Day'), ('2024-10-02', false, 'National Day'),
    ('2024-10-03', false, 'National Day'), ('2024-10-04', false, 'National Day'), ('2024-10-07', false, 'National Day'),
    ('2024-10-12', true, 'National Day'),
    -- 2025
    ('2025-01-01', false, 'New Year'),
    ('2025-01-26', true, 'Spring Festival'), ('2025-01-28', false, 'Spring Festival'),
    ('2025-01-29', false, 'Spring Festival'), ('2025-01-30', false, 'Spring Festival'),
    ('2025-01-31', false, 'Spring Festival'), ('2025-02-03', false, 'Spring Festival'),
    ('2025-02-04', false, 'Spring Festival'), ('2025-02-08', true, 'Spring Festival'),
    ('2025-04-04', false, 'Qingming'),
    ('2025-04-27', true, 'Labour Day'), ('2025-05-01', false, 'Labour Day'), ('2025-05-02', false, 'Labour Day'),
    ('2025-05-05', false, 'Labour Day'),
    ('2025-06-02', false, 'Dragon Boat'),
    ('2025-09-28', true, 'National Day'), ('2025-10-01', false, 'National Day'), ('2025-10-02', false, 'National Day'),
    ('2025-10-03', false, 'National Day'), ('2025-10-06', false, 'National Day'), ('2025-10-07', false, 'National Day'),
    ('2025-10-08', false, 'National Day'), ('2025-10-11', true, 'National Day'),
    -- 2026
    ('2026-01-01', false, 'New Year'), ('2026-01-02', false, 'New Year'), ('2026-01-04', true, 'New Year'),
    ('2026-02-14', true, 'Spring Festival'), ('2026-02-16', false, 'Spring Festival'),
    ('2026-02-17', false, 'Spring Festival'), ('2026-02-18', false, 'Spring Festival'),
    ('2026-02-19', false, 'Spring Festival'), ('2026-02-20', false, 'Spring Festival'),
    ('2026-02-23', false, 'Spring Festival'), ('2026-02-28', true, 'Spring Festival'),
    ('2026-04-06', false, 'Qingming'),
    ('2026-05-01', false, 'Labour Day'), ('2026-05-04', false, 'Labour Day'), ('2026-05-05', false, 'Labour Day'),
    ('2026-05-09', true, 'Labour Day'),
    ('2026-06-19', false, 'Dragon Boat'),
    ('2026-09-20', true, 'National Day'), ('2026-09-25', false, 'Mid-Autumn'),
    ('2026-10-01', false, 'National Day'), ('2026-10-02', false, 'National Day'), ('2026-10-05', false, 'National Day'),
    ('2026-10-06', false, 'National Day'), ('2026-10-07', false, 'National Day'), ('2026-10-10', true, 'National Day')
on conflict (day) do nothing;
