package org.hotline12345.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One exception to the default week, as the admin maintains it.
 *
 * @param day the date
 * @param kind whether the date is a day off or a make-up working day
 * @param name what the day is, e.g. 春节 or 春节调休上班
 * @param createdBy the user who recorded it ({@code system} for the seeded State Council arrangements)
 * @param createdAt when it was recorded
 */
public record CalendarDayView(LocalDate day, DayKind kind, String name, String createdBy, Instant createdAt) {
}
