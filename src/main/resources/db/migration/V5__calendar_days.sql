-- Working-day calendar: only the exceptions to "Monday to Friday work, Saturday and Sunday off".
-- HOLIDAY marks a day off (the weekend days inside a holiday are stored too, so the admin screen shows
-- the whole holiday); WORKDAY marks a 调休 make-up working Saturday or Sunday.
CREATE TABLE calendar_day
(
  day        DATE        NOT NULL PRIMARY KEY,
  kind       VARCHAR(10) NOT NULL,
  name       VARCHAR(50) NOT NULL,
  created_by VARCHAR(50) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT calendar_day_kind_check CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
  -- A weekday is a working day anyway: a WORKDAY row there would be a typo for another date.
  CONSTRAINT calendar_day_workday_on_weekend_check CHECK (kind <> 'WORKDAY' OR extract(isodow FROM day) IN (6, 7))
);

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12).
-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
-- The weekday comments match the notices; CalendarSeedTests checks these rows against the notices.
INSERT INTO calendar_day (day, kind, name, created_by) VALUES
	('2025-01-01', 'HOLIDAY', '元旦', 'system'), -- Wed
	('2025-01-26', 'WORKDAY', '春节调休上班', 'system'), -- Sun
	('2025-01-28', 'HOLIDAY', '春节', 'system'), -- Tue
	('2025-01-29', 'HOLIDAY', '春节', 'system'), -- Wed
	('2025-01-30', 'HOLIDAY', '春节', 'system'), -- Thu
	('2025-01-31', 'HOLIDAY', '春节', 'system'), -- Fri
	('2025-02-01', 'HOLIDAY', '春节', 'system'), -- Sat
	('2025-02-02', 'HOLIDAY', '春节', 'system'), -- Sun
	('2025-02-03', 'HOLIDAY', '春节', 'system'), -- Mon
	('2025-02-04', 'HOLIDAY', '春节', 'system'), -- Tue
	('2025-02-08', 'WORKDAY', '春节调休上班', 'system'), -- Sat
	('2025-04-04', 'HOLIDAY', '清明节', 'system'), -- Fri
	('2025-04-05', 'HOLIDAY', '清明节', 'system'), -- Sat
	('2025-04-06', 'HOLIDAY', '清明节', 'system'), -- Sun
	('2025-04-27', 'WORKDAY', '劳动节调休上班', 'system'), -- Sun
	('2025-05-01', 'HOLIDAY', '劳动节', 'system'), -- Thu
	('2025-05-02', 'HOLIDAY', '劳动节', 'system'), -- Fri
	('2025-05-03', 'HOLIDAY', '劳动节', 'system'), -- Sat
	('2025-05-04', 'HOLIDAY', '劳动节', 'system'), -- Sun
	('2025-05-05', 'HOLIDAY', '劳动节', 'system'), -- Mon
	('2025-05-31', 'HOLIDAY', '端午节', 'system'), -- Sat
	('2025-06-01', 'HOLIDAY', '端午节', 'system'), -- Sun
	('2025-06-02', 'HOLIDAY', '端午节', 'system'), -- Mon
	('2025-09-28', 'WORKDAY', '国庆节、中秋节调休上班', 'system'), -- Sun
	('2025-10-01', 'HOLIDAY', '国庆节、中秋节', 'system'), -- Wed
	('2025-10-02', 'HOLIDAY', '国庆节、中秋节', 'system'), -- Thu
	('2025-10-03', 'HOLIDAY', '国庆节、中秋节', 'system'), -- Fri
	('2025-10-04', 'HOLIDAY', '国庆节、中秋节', 'system'), -- Sat
	('2025-10-05', 'HOLIDAY', '国庆节、中秋节', 'system'), -- Sun
	('2025-10-06', 'HOLIDAY', '国庆节、中秋节', 'system'), -- Mon
	('2025-10-07', 'HOLIDAY', '国庆节、中秋节', 'system'), -- Tue
	('2025-10-08', 'HOLIDAY', '国庆节、中秋节', 'system'), -- Wed
	('2025-10-11', 'WORKDAY', '国庆节、中秋节调休上班', 'system'), -- Sat
	('2026-01-01', 'HOLIDAY', '元旦', 'system'), -- Thu
	('2026-01-02', 'HOLIDAY', '元旦', 'system'), -- Fri
	('2026-01-03', 'HOLIDAY', '元旦', 'system'), -- Sat
	('2026-01-04', 'WORKDAY', '元旦调休上班', 'system'), -- Sun
	('2026-02-14', 'WORKDAY', '春节调休上班', 'system'), -- Sat
	('2026-02-15', 'HOLIDAY', '春节', 'system'), -- Sun
	('2026-02-16', 'HOLIDAY', '春节', 'system'), -- Mon
	('2026-02-17', 'HOLIDAY', '春节', 'system'), -- Tue
	('2026-02-18', 'HOLIDAY', '春节', 'system'), -- Wed
	('2026-02-19', 'HOLIDAY', '春节', 'system'), -- Thu
	('2026-02-20', 'HOLIDAY', '春节', 'system'), -- Fri
	('2026-02-21', 'HOLIDAY', '春节', 'system'), -- Sat
	('2026-02-22', 'HOLIDAY', '春节', 'system'), -- Sun
	('2026-02-23', 'HOLIDAY', '春节', 'system'), -- Mon
	('2026-02-28', 'WORKDAY', '春节调休上班', 'system'), -- Sat
	('2026-04-04', 'HOLIDAY', '清明节', 'system'), -- Sat
	('2026-04-05', 'HOLIDAY', '清明节', 'system'), -- Sun
	('2026-04-06', 'HOLIDAY', '清明节', 'system'), -- Mon
	('2026-05-01', 'HOLIDAY', '劳动节', 'system'), -- Fri
	('2026-05-02', 'HOLIDAY', '劳动节', 'system'), -- Sat
	('2026-05-03', 'HOLIDAY', '劳动节', 'system'), -- Sun
	('2026-05-04', 'HOLIDAY', '劳动节', 'system'), -- Mon
	('2026-05-05', 'HOLIDAY', '劳动节', 'system'), -- Tue
	('2026-05-09', 'WORKDAY', '劳动节调休上班', 'system'), -- Sat
	('2026-06-19', 'HOLIDAY', '端午节', 'system'), -- Fri
	('2026-06-20', 'HOLIDAY', '端午节', 'system'), -- Sat
	('2026-06-21', 'HOLIDAY', '端午节', 'system'), -- Sun
	('2026-09-20', 'WORKDAY', '国庆节调休上班', 'system'), -- Sun
	('2026-09-25', 'HOLIDAY', '中秋节', 'system'), -- Fri
	('2026-09-26', 'HOLIDAY', '中秋节', 'system'), -- Sat
	('2026-09-27', 'HOLIDAY', '中秋节', 'system'), -- Sun
	('2026-10-01', 'HOLIDAY', '国庆节', 'system'), -- Thu
	('2026-10-02', 'HOLIDAY', '国庆节', 'system'), -- Fri
	('2026-10-03', 'HOLIDAY', '国庆节', 'system'), -- Sat
	('2026-10-04', 'HOLIDAY', '国庆节', 'system'), -- Sun
	('2026-10-05', 'HOLIDAY', '国庆节', 'system'), -- Mon
	('2026-10-06', 'HOLIDAY', '国庆节', 'system'), -- Tue
	('2026-10-07', 'HOLIDAY', '国庆节', 'system'), -- Wed
	('2026-10-10', 'WORKDAY', '国庆节调休上班', 'system'); -- Sat
