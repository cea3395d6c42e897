package org.hotline12345.perf;

import java.util.Arrays;

/** Latencies in nanoseconds: percentiles in milliseconds, rounded for a table. */
final class Stats {

	private final long[] sorted;

	Stats(long[] nanos) {
		this.sorted = nanos.clone();
		Arrays.sort(this.sorted);
	}

	int count() {
		return this.sorted.length;
	}

	double percentileMs(double p) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * this.sorted.length) - 1;
		return this.sorted[Math.max(0, Math.min(index, this.sorted.length - 1))] / 1_000_000.0;
	}

	static String ms(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		return (value < 10) ? String.format("%.1f", value) : String.format("%,.0f", value);
	}

}
