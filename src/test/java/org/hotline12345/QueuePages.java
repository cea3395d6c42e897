package org.hotline12345;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline12345.ticket.Actor;
import org.hotline12345.ticket.CloseReason;
import org.hotline12345.ticket.Channel;
import org.hotline12345.ticket.Grade;
import org.hotline12345.ticket.IllegalTransitionException;
import org.hotline12345.ticket.NewTicket;
import org.hotline12345.ticket.RequestType;
import org.hotline12345.ticket.TicketWorkflow;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.user.Role;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Walks a queue screen page by page as a browser would: the rows' ticket numbers ({@code data-ticket}) and the
 * "更多" link ({@code data-more}) of each page, followed until a page has none. And tickets for such walks: many at
 * once, each with its own caller and a consultation (which never forms a 集中 cluster nor counts as a repeat call),
 * so that nothing moves them between queues while a test walks.
 */
public final class QueuePages {

	private static final Pattern ROW = Pattern.compile("data-ticket=\"([A-Z0-9]+)\"");

	private static final Pattern LINK = Pattern.compile("<a\\s[^>]*>");

	private static final Pattern HREF = Pattern.compile("\\shref=\"([^\"]*)\"");

	private static final AtomicInteger CALLERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000_000));

	public static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null);

	private static final Actor SUPERVISOR = new Actor("supervisor", Role.SUPERVISOR, null);

	private QueuePages() {
	}

	/** One page as shown: its tickets in order, and where "更多" leads ({@code null} on the last page). */
	public record Page(List<String> tickets, String more, String html) {
	}

	public static Page page(String html) {
		List<String> tickets = new ArrayList<>();
		Matcher row = ROW.matcher(html);
		while (row.find()) {
			tickets.add(row.group(1));
		}
		String more = null;
		Matcher link = LINK.matcher(html);
		while (link.find()) {
			String tag = link.group();
			if (tag.matches("(?s).*\\sdata-more[\\s>=].*")) {
				assertThat(more).as("one 更多 per page").isNull();
				Matcher href = HREF.matcher(tag);
				assertThat(href.find()).as("更多 is a link that works without JavaScript: " + tag).isTrue();
				more = href.group(1).replace("&amp;", "&");
			}
		}
		return new Page(tickets, more, html);
	}

	/**
	 * Every page from {@code first} on, following "更多": as full pages (a browser without JavaScript), or with htmx,
	 * which asks for the rows only ({@code HX-Request}) after the first page.
	 */
	public static List<Page> walk(MockMvc mvc, RequestPostProcessor viewer, String first, boolean htmx)
			throws Exception {
		List<Page> pages = new ArrayList<>();
		String url = first;
		while (url != null) {
			MockHttpServletRequestBuilder request = get(url).with(viewer);
			if (htmx && !pages.isEmpty()) {
				request.header("HX-Request", "true");
			}
			String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			Page page = page(html);
			if (htmx && !pages.isEmpty()) {
				assertThat(html).as("htmx gets the rows only").doesNotContain("<html", "<table", "<thead");
			}
			pages.add(page);
			url = page.more();
			assertThat(pages).as("a walk ends").hasSizeLessThan(500);
		}
		return pages;
	}

	public static List<String> tickets(List<Page> pages) {
		return pages.stream().flatMap((page) -> page.tickets().stream()).toList();
	}

	/** {@code count} new tickets waiting for dispatch at {@code level}, each from its own caller. */
	public static List<String> waiting(TicketWorkflow workflow, TriageLevel level, int count, String matter) {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String phone = "137" + String.format("%08d", CALLERS.incrementAndGet() % 100_000_000);
			NewTicket request = new NewTicket("分页", phone, false, false, "崇川区和平桥街道", "chongchuan", null,
					matter + "（第" + (i + 1) + "件）", RequestType.CONSULTATION, "SB.YL", Channel.PHONE, null, false,
					null);
			numbers.add(workflow.register(request, Grade.manual(level), TicketWorkflow.Outcome.QUEUE, null, OPERATOR)
				.ticketNo());
		}
		return numbers;
	}

	/**
	 * Takes tickets still waiting for dispatch or callback out of the shared database's queues again (a supervisor
	 * closes them), so that later tests find their own tickets on a queue's first page.
	 */
	public static void close(TicketWorkflow workflow, List<String> numbers) {
		for (String no : numbers) {
			try {
				workflow.close(no, CloseReason.DUPLICATE, "分页测试结束", SUPERVISOR);
			}
			catch (IllegalTransitionException ex) {
				// with a unit or closed already: not in the centre's queues
			}
		}
	}

}
