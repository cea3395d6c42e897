package org.hotline12345.calendar;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One exception to the default week, as stored in {@code calendar_day}.
 */
@Entity
@Table(name = "calendar_day")
class CalendarDay {

	@Id
	private LocalDate day;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private DayKind kind;

	@Column(nullable = false, length = 50)
	private String name;

	@Column(nullable = false, length = 50)
	private String createdBy;

	@Column(nullable = false)
	private Instant createdAt;

	protected CalendarDay() {
	}

	CalendarDay(LocalDate day, DayKind kind, String name, String createdBy, Instant createdAt) {
		this.day = day;
		this.kind = kind;
		this.name = name;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	LocalDate getDay() {
		return this.day;
	}

	DayKind getKind() {
		return this.kind;
	}

	CalendarDayView toView() {
		return new CalendarDayView(this.day, this.kind, this.name, this.createdBy, this.createdAt);
	}

}
