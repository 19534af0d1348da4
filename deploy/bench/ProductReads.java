// Load generator for `product-reads`: GET /api/v1/products/{id} through the gateway from many virtual threads.
// Run with: java ProductReads.java <gateway-url> <warm-up-seconds> <seconds> <concurrency>
// Prints one line: requests/s, p50/p99 latency in ms, errors. Single-file program: no build needed.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ProductReads {

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[1]));
        Duration measure = Duration.ofSeconds(Long.parseLong(args[2]));
        int concurrency = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        String listing = http.send(
                        HttpRequest.newBuilder(URI.create(gateway + "/api/v1/products?size=20")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(listing);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("No products at " + gateway + ": " + listing);
        }

        run(http, gateway, ids, warmUp, concurrency); // JIT, connection pools, caches
        Result result = run(http, gateway, ids, measure, concurrency);
        System.out.printf(
                "%.0f req/s  p50 %.1f ms  p99 %.1f ms  errors %d  (%d products, %d clients, %d s)%n",
                result.requests / (double) measure.toSeconds(),
                result.percentile(50),
                result.percentile(99),
                result.errors,
                ids.size(),
                concurrency,
                measure.toSeconds());
    }

    record Result(long requests, long errors, long[] latenciesNanos) {

        double percentile(int p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1_000_000.0;
        }
    }

    static Result run(HttpClient http, String gateway, List<String> ids, Duration duration, int concurrency)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < concurrency; t++) {
                int offset = t;
                threads.submit(() -> {
                    long[] own = new long[1 << 20];
                    int n = 0;
                    for (int i = offset; System.nanoTime() < end; i++) {
                        HttpRequest request = HttpRequest.newBuilder(
                                        URI.create(gateway + "/api/v1/products/" + ids.get(i % ids.size())))
                                .build();
                        long start = System.nanoTime();
                        try {
                            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception ex) {
                            errors.incrementAndGet();
                        }
                        if (n < own.length) {
                            own[n++] = System.nanoTime() - start;
                        }
                        requests.incrementAndGet();
                    }
                    samples.add(Arrays.copyOf(own, n));
                    return null;
                });
            }
        }
        long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(requests.get(), errors.get(), all);
    }
}
