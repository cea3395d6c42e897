package org.hotline12345.perf;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Intake throughput: {@code POST /api/v1/tickets} with 1, 4 and 16 clients, each sending its next request as soon as
 * the previous one is answered (closed loop). Prints a Markdown table row per client count and writes them to a file.
 * <p>
 * Usage: {@code IntakeLoad <baseUrl> <token> <warmupSeconds> <seconds> <out.md> <clients...>}
 */
public final class IntakeLoad {

	private static final String[] DISTRICTS = { "chongchuan", "haimen", "tongzhou", "rugao", "qidong", "haian" };

	private static final String[] TYPES = { "COMPLAINT", "CONSULTATION", "HELP", "REPORT" };

	private IntakeLoad() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String token = args[1];
		int warmup = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		Path out = Path.of(args[4]);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		List<String> rows = new ArrayList<>();
		for (int i = 5; i < args.length; i++) {
			int clients = Integer.parseInt(args[i]);
			run(client, base, token, clients, warmup, null);
			Result result = run(client, base, token, clients, seconds, null);
			String row = String.format("| %d | %,d | %.0f | %s | %s | %s | %d |", clients, result.ok, result.perSecond(),
					Stats.ms(result.stats.percentileMs(50)), Stats.ms(result.stats.percentileMs(99)),
					Stats.ms(result.stats.percentileMs(100)), result.failed);
			System.out.println(row);
			rows.add(row);
		}
		try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
			rows.forEach(writer::println);
		}
	}

	record Result(int ok, int failed, double seconds, Stats stats) {

		double perSecond() {
			return this.ok / this.seconds;
		}

	}

	static Result run(HttpClient client, String base, String token, int clients, int seconds, String note)
			throws InterruptedException {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long[][] latencies = new long[clients][];
		int[] counts = new int[clients];
		AtomicInteger failed = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(clients);
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			int index = c;
			Thread worker = new Thread(() -> {
				SplittableRandom random = new SplittableRandom(index * 7919L + System.nanoTime());
				long[] mine = new long[1 << 16];
				int n = 0;
				try {
					while (System.nanoTime() < end) {
						HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
							.header("Authorization", "Bearer " + token)
							.header("Content-Type", "application/json")
							.header("Accept", "application/json")
							.timeout(Duration.ofSeconds(30))
							.POST(HttpRequest.BodyPublishers.ofString(body(random)))
							.build();
						long t0 = System.nanoTime();
						HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
						long took = System.nanoTime() - t0;
						if (response.statusCode() == 201) {
							if (n == mine.length) {
								mine = java.util.Arrays.copyOf(mine, n * 2);
							}
							mine[n++] = took;
						}
						else if (failed.incrementAndGet() <= 3) {
							System.err.println("HTTP " + response.statusCode() + ": " + response.body());
						}
					}
				}
				catch (IOException | InterruptedException ex) {
					failed.incrementAndGet();
					System.err.println(ex);
				}
				finally {
					latencies[index] = java.util.Arrays.copyOf(mine, n);
					counts[index] = n;
					done.countDown();
				}
			});
			worker.start();
		}
		done.await();
		double took = (System.nanoTime() - started) / 1e9;
		int total = 0;
		for (int c : counts) {
			total += c;
		}
		long[] all = new long[total];
		int at = 0;
		for (long[] l : latencies) {
			System.arraycopy(l, 0, all, at, l.length);
			at += l.length;
		}
		return new Result(total, failed.get(), took, new Stats(all));
	}

	static String body(SplittableRandom random) {
		String place = Descriptions.place(random);
		return "{\"callerName\":\"" + (random.nextBoolean() ? "张先生" : "李女士") + "\",\"callerPhone\":\""
				+ Descriptions.mobile(random) + "\",\"address\":\"" + place + "附近\",\"districtCode\":\""
				+ DISTRICTS[random.nextInt(DISTRICTS.length)] + "\",\"requestType\":\""
				+ TYPES[random.nextInt(TYPES.length)] + "\",\"channel\":\"PHONE\",\"description\":\""
				+ Descriptions.next(random) + "\"}";
	}

}
