package org.hotline12345.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and countdowns as people read them: {@code 2025年2月18日 14:05} in Chinese, {@code 18 Feb 2025 14:05} in
 * English, in the centre's time zone. Templates call it as {@code ${@dates.dateTime(t)}}.
 */
@Component("dates")
public class DisplayDates {

	private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final Clock clock;

	DisplayDates(Clock clock) {
		this.clock = clock;
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return zoned(instant).format(english() ? ENGLISH : CHINESE);
	}

	public String date(Instant instant) {
		if (instant == null) {
			return "";
		}
		return zoned(instant).format(english() ? ENGLISH_DATE : CHINESE_DATE);
	}

	/** ISO-8601 for {@code <time datetime>} and the live countdown script. */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	/** "还剩 1小时20分" / "超时 3小时" at render time; the page's script keeps it live. */
	public String countdown(Instant due) {
		if (due == null) {
			return "";
		}
		Duration left = Duration.between(this.clock.instant(), due);
		boolean overdue = left.isNegative();
		String span = span(left.abs());
		if (english()) {
			return overdue ? "overdue " + span : span + " left";
		}
		return overdue ? "超时 " + span : "还剩 " + span;
	}

	private String span(Duration duration) {
		long days = duration.toDays();
		long hours = duration.toHoursPart();
		long minutes = duration.toMinutesPart();
		if (english()) {
			return (days > 0) ? days + "d " + hours + "h" : (hours > 0) ? hours + "h " + minutes + "m" : minutes + "m";
		}
		return (days > 0) ? days + "天" + hours + "小时" : (hours > 0) ? hours + "小时" + minutes + "分" : minutes + "分钟";
	}

	private ZonedDateTime zoned(Instant instant) {
		return instant.atZone(this.clock.getZone());
	}

	private static boolean english() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

}
