package org.hotline12345.calendar;

/**
 * How a calendar entry changes the default week, in which Monday to Friday are working days and Saturday
 * and Sunday are not.
 */
public enum DayKind {

	/**
	 * A day off: a public holiday or a weekday given off by the State Council's 调休 arrangement. Stored for
	 * the weekend days inside a holiday too, so that the calendar shows the whole holiday.
	 */
	HOLIDAY,

	/**
	 * A 调休 make-up working day: a Saturday or Sunday on which everyone works. Only valid on a weekend day.
	 */
	WORKDAY

}
