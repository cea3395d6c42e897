package org.hotline12345.intake;

import java.util.HashSet;
import java.util.Set;

import org.hotline12345.ticket.TicketStatus;
import org.hotline12345.ticket.TicketSummary;

/**
 * Whether an open ticket of the same caller looks like the matter on the phone now: the same category, or
 * descriptions sharing a good part of their character bigrams. A hint for the operator, who decides.
 */
final class SameMatter {

	static final double OVERLAP = 0.35;

	private SameMatter() {
	}

	static boolean likely(TicketSummary earlier, String description, String categoryCode) {
		if (earlier.status() == TicketStatus.CLOSED || earlier.status() == TicketStatus.MERGED) {
			return false;
		}
		if (categoryCode != null && !categoryCode.isBlank() && categoryCode.strip().equals(earlier.categoryCode())) {
			return true;
		}
		return overlap(description, earlier.excerpt()) >= OVERLAP;
	}

	/** Shared bigrams over the bigrams of the shorter text, 0 when either has none. */
	static double overlap(String a, String b) {
		Set<String> left = bigrams(a);
		Set<String> right = bigrams(b);
		if (left.isEmpty() || right.isEmpty()) {
			return 0;
		}
		Set<String> shared = new HashSet<>(left);
		shared.retainAll(right);
		return (double) shared.size() / Math.min(left.size(), right.size());
	}

	static Set<String> bigrams(String text) {
		Set<String> grams = new HashSet<>();
		if (text == null) {
			return grams;
		}
		int[] letters = text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).toArray();
		for (int i = 0; i + 1 < letters.length; i++) {
			grams.add(new String(letters, i, 2));
		}
		return grams;
	}

}
