// Load generator for `sagas`: customers place orders through the gateway concurrently; every saga is then checked.
// Run with: java SagaLoad.java <gateway-url> <admin-password> <seconds> <concurrency> [soak minutes]
// With soak minutes: after the capacity phase, orders arrive at 80 % of that capacity for that long instead of the
// idle and half-capacity phases, and the figures come per minute.
// Single-file program: no build needed. Prints the figures and the reconciliation; exits 1 if reconciliation fails.
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SagaLoad {

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String gateway;
    static int topUps; // of 1000 each (the cap), per customer
    /** Closed-loop load before anything is measured: with full JIT, C2 still compiles for a minute under load. */
    static final Duration WARM_UP = Duration.ofSeconds(60);

    record Customer(String token, UUID id) {}

    record Placed(String orderId, Customer customer, String productId, int quantity) {}

    public static void main(String[] args) throws Exception {
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true));
        gateway = args[0];
        String adminPassword = args[1];
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        int concurrency = Integer.parseInt(args[3]);
        int soakMinutes = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        topUps = soakMinutes > 0 ? 40 : 15; // enough that no order is declined for want of money
        String admin = login("admin@cloudshop.local", adminPassword);

        // Five products with ample stock, so orders are confirmed (a sold-out product would reject them).
        List<String> products = new ArrayList<>();
        Matcher ids = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"")
                .matcher(call("GET", "/api/v1/products?inStock=true&size=5&sort=price,asc", null, null, null).body());
        while (ids.find()) {
            products.add(ids.group(1));
        }
        Map<String, Integer> stockBefore = new HashMap<>();
        for (String product : products) {
            call("POST", "/api/v1/products/" + product + "/inventory/adjustments", admin, null, "{\"delta\": 100000}");
            stockBefore.put(product, number(call("GET", "/api/v1/products/" + product, null, null, null).body(), "stock"));
        }

        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            String password = "bench password " + UUID.randomUUID();
            String registered = call("POST", "/api/v1/users", null, null,
                            "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Bench\"}".formatted(email, password))
                    .body();
            Customer customer = new Customer(login(email, password), UUID.fromString(text(registered, "id")));
            for (int t = 0; t < topUps; t++) {
                call("POST", "/api/v1/wallets/me/top-ups", customer.token(), UUID.randomUUID().toString(), "{\"amount\": 1000}");
            }
            customers.add(customer);
        }

        if (soakMinutes > 0) {
            System.exit(soak(admin, customers, products, stockBefore, duration, Duration.ofMinutes(soakMinutes)));
        }
        // 1. Warm-up (not counted), then idle: one order at a time, each awaited before the next; the baseline for
        // latency under load.
        List<Placed> warmUp = closedLoop(customers, products, WARM_UP);
        Map<String, String> bodies = finish(warmUp); // nothing left in the pipeline when idle begins
        List<Placed> idle = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Placed order = place(customers.getFirst(), products.get(i % products.size()));
            if (order != null) {
                idle.add(order);
                finish(List.of(order));
            }
        }
        // 2. Capacity: every customer orders back to back (closed loop). The markers tell deploy/bench/sagas when to
        // read each process's CPU time; the phase ends when its last saga has finished.
        System.out.println("phase: capacity start");
        List<Placed> capacityRun = closedLoop(customers, products, duration);
        bodies.putAll(finish(capacityRun));
        System.out.println("phase: capacity end");
        double capacity = confirmedPerSecond(capacityRun, bodies);
        // 3. Half of that capacity, paced (open loop: one placement every 2/capacity s whatever the answers).
        double rate = capacity / 2;
        List<Placed> pacedRun = paced(customers, products, rate, duration);
        bodies.putAll(finish(pacedRun));
        bodies.putAll(finish(idle));

        System.out.printf("orders placed: %d warm-up, %d idle, %d at capacity (%d customers, %d s), %d paced (%d s)%n",
                warmUp.size(), idle.size(), capacityRun.size(), concurrency, duration.toSeconds(), pacedRun.size(),
                duration.toSeconds());
        Stats idleStats = stats(idle, bodies);
        Stats capacityStats = stats(capacityRun, bodies);
        Stats pacedStats = stats(pacedRun, bodies);
        System.out.printf("%-34s %8s %9s %9s %9s %22s %s%n",
                "phase", "sagas/s", "p50 ms", "p99 ms", "max ms", "PLACED->RESERVED p50", "outcomes");
        print("idle (one at a time)", idle, bodies, idleStats);
        print("capacity (%d customers, closed)".formatted(concurrency), capacityRun, bodies, capacityStats);
        print("paced at %.1f/s (half capacity)".formatted(rate), pacedRun, bodies, pacedStats);
        System.out.printf("capacity: %.1f sagas/s%n", capacity);
        System.out.printf("idle p50: %d ms; paced p99: %d ms; paced p99 / idle p50: %.2f%n",
                idleStats.p50(), pacedStats.p99(), pacedStats.p99() / (double) Math.max(1, idleStats.p50()));

        List<Placed> all = new ArrayList<>(idle);
        all.addAll(warmUp);
        all.addAll(capacityRun);
        all.addAll(pacedRun);
        Map<String, String> status = new HashMap<>();
        bodies.forEach((id, body) -> status.put(id, text(body, "status")));
        System.exit(reconcile(admin, all, status, customers, stockBefore) ? 0 : 1);
    }

    /**
     * Capacity (closed loop, after a warm-up), then orders at 80 % of it for {@code length}; per minute of arrival:
     * orders placed, sagas confirmed in that minute per second, POST -> CONFIRMED p50/p99 of that minute's orders.
     * Returns the exit status: 1 if reconciliation fails.
     */
    static int soak(String admin, List<Customer> customers, List<String> products, Map<String, Integer> stockBefore,
            Duration capacityRun, Duration length) throws Exception {
        List<Placed> warmUp = closedLoop(customers, products, WARM_UP);
        Map<String, String> bodies = finish(warmUp); // the capacity phase starts with an empty pipeline
        List<Placed> measured = closedLoop(customers, products, capacityRun);
        bodies.putAll(finish(measured));
        double capacity = confirmedPerSecond(measured, bodies);
        double rate = capacity * 0.8;
        System.out.printf("capacity: %.1f sagas/s; soaking at %.1f orders/s for %d min%n", capacity, rate,
                length.toMinutes());
        System.out.println("soak-start: " + Instant.now());
        List<Placed> soaked = paced(customers, products, rate, length);
        System.out.println("soak-end: " + Instant.now());
        bodies.putAll(finish(soaked));

        Instant start = soaked.stream().map(order -> stepTime(bodies.get(order.orderId()), "PLACED"))
                .min(Instant::compareTo).orElseThrow();
        int minutes = (int) length.toMinutes();
        int[] placedIn = new int[minutes + 1];
        int[] confirmedIn = new int[minutes + 2];
        List<List<Long>> latencies = new ArrayList<>();
        for (int m = 0; m <= minutes; m++) {
            latencies.add(new ArrayList<>());
        }
        for (Placed order : soaked) {
            String body = bodies.get(order.orderId());
            Instant placedAt = stepTime(body, "PLACED");
            int minute = (int) Math.min(minutes, Duration.between(start, placedAt).toMinutes());
            placedIn[minute]++;
            if (text(body, "status").equals("CONFIRMED")) {
                Instant confirmedAt = stepTime(body, "CONFIRMED");
                confirmedIn[(int) Math.min(minutes + 1, Duration.between(start, confirmedAt).toMinutes())]++;
                latencies.get(minute).add(Duration.between(placedAt, confirmedAt).toMillis());
            }
        }
        System.out.printf("%-7s %8s %20s %9s %9s%n", "minute", "placed", "confirmed per second", "p50 ms", "p99 ms");
        for (int m = 0; m < minutes; m++) {
            List<Long> sorted = new ArrayList<>(latencies.get(m));
            Collections.sort(sorted);
            System.out.printf("%-7d %8d %20.1f %9d %9d%n", m + 1, placedIn[m], confirmedIn[m] / 60.0,
                    percentile(sorted, 50), percentile(sorted, 99));
        }
        System.out.printf("last minute / first minute (confirmed per second): %.2f%n",
                confirmedIn[minutes - 1] / (double) Math.max(1, confirmedIn[0]));

        List<Placed> all = new ArrayList<>(warmUp);
        all.addAll(measured);
        all.addAll(soaked);
        Map<String, String> status = new HashMap<>();
        bodies.forEach((id, body) -> status.put(id, text(body, "status")));
        return reconcile(admin, all, status, customers, stockBefore) ? 0 : 1;
    }

    /** POST to CONFIRMED (p50, p99, max) and POST to STOCK_RESERVED (p50), from each order's server timeline. */
    record Stats(long p50, long p99, long max, long reservedP50) {}

    static Stats stats(List<Placed> orders, Map<String, String> bodies) {
        List<Long> confirmed = new ArrayList<>();
        List<Long> reserved = new ArrayList<>();
        for (Placed order : orders) {
            String body = bodies.get(order.orderId());
            if (text(body, "status").equals("CONFIRMED")) {
                Instant placedAt = stepTime(body, "PLACED");
                confirmed.add(Duration.between(placedAt, stepTime(body, "CONFIRMED")).toMillis());
                reserved.add(Duration.between(placedAt, stepTime(body, "STOCK_RESERVED")).toMillis());
            }
        }
        Collections.sort(confirmed);
        Collections.sort(reserved);
        return new Stats(percentile(confirmed, 50), percentile(confirmed, 99),
                confirmed.isEmpty() ? 0 : confirmed.getLast(), percentile(reserved, 50));
    }

    static void print(String phase, List<Placed> orders, Map<String, String> bodies, Stats stats) {
        Map<String, Integer> outcomes = new TreeMap<>();
        orders.forEach(order -> outcomes.merge(text(bodies.get(order.orderId()), "status"), 1, Integer::sum));
        System.out.printf("%-34s %8.1f %9d %9d %9d %22d %s%n", phase, confirmedPerSecond(orders, bodies),
                stats.p50(), stats.p99(), stats.max(), stats.reservedP50(), outcomes);
    }

    /** Confirmed sagas over the time from the first PLACED to the last CONFIRMED among {@code orders}. */
    static double confirmedPerSecond(List<Placed> orders, Map<String, String> bodies) {
        Instant first = Instant.MAX;
        Instant last = Instant.EPOCH;
        int confirmed = 0;
        for (Placed order : orders) {
            String body = bodies.get(order.orderId());
            Instant placedAt = stepTime(body, "PLACED");
            first = placedAt.isBefore(first) ? placedAt : first;
            if (text(body, "status").equals("CONFIRMED")) {
                confirmed++;
                Instant confirmedAt = stepTime(body, "CONFIRMED");
                last = confirmedAt.isAfter(last) ? confirmedAt : last;
            }
        }
        return confirmed == 0 ? 0 : confirmed / (Duration.between(first, last).toMillis() / 1000.0);
    }

    /** Polls each order until it is no longer PENDING (at most 90 s in all); its last answer by order id. */
    static Map<String, String> finish(List<Placed> orders) throws Exception {
        Map<String, String> bodies = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        for (Placed order : orders) {
            String body;
            do {
                body = call("GET", "/api/v1/orders/" + order.orderId(), order.customer().token(), null, null).body();
            } while (text(body, "status").equals("PENDING") && System.nanoTime() < deadline && pause());
            bodies.put(order.orderId(), body);
        }
        return bodies;
    }

    /** Every order finished; money and stock add up exactly; nothing lost, nothing twice. */
    static boolean reconcile(String admin, List<Placed> placed, Map<String, String> status, List<Customer> customers,
            Map<String, Integer> stockBefore) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> paymentsByOrder = new HashMap<>();
        Map<String, BigDecimal> amountByOrder = new HashMap<>();
        for (int page = 0; ; page++) {
            String body = call("GET", "/api/v1/payments?size=100&page=" + page, admin, null, null).body();
            Matcher payment = Pattern.compile(
                            "\"orderId\":\"([0-9a-f-]{36})\",\"customerId\":\"[0-9a-f-]{36}\",\"amount\":\\{\"amount\":([0-9.]+),[^}]*},\"status\":\"([A-Z]+)\"")
                    .matcher(body);
            int found = 0;
            while (payment.find()) {
                found++;
                paymentsByOrder.computeIfAbsent(payment.group(1), k -> new ArrayList<>()).add(payment.group(3));
                amountByOrder.put(payment.group(1), new BigDecimal(payment.group(2)));
            }
            if (found < 100) {
                break;
            }
        }
        Map<String, Integer> sold = new HashMap<>();
        Map<UUID, BigDecimal> charged = new HashMap<>();
        for (Placed order : placed) {
            String s = status.get(order.orderId());
            List<String> payments = paymentsByOrder.getOrDefault(order.orderId(), List.of());
            if (s.equals("PENDING")) {
                problems.add(order.orderId() + " still PENDING");
            } else if (s.equals("CONFIRMED")) {
                if (!payments.equals(List.of("COMPLETED"))) {
                    problems.add(order.orderId() + " CONFIRMED with payments " + payments);
                }
                sold.merge(order.productId(), order.quantity(), Integer::sum);
                charged.merge(order.customer().id(), amountByOrder.get(order.orderId()), BigDecimal::add);
            } else if (payments.contains("COMPLETED")) {
                problems.add(order.orderId() + " " + s + " but charged");
            }
        }
        for (Map.Entry<String, Integer> product : stockBefore.entrySet()) {
            int now = number(call("GET", "/api/v1/products/" + product.getKey(), null, null, null).body(), "stock");
            int expected = product.getValue() - sold.getOrDefault(product.getKey(), 0);
            if (now != expected) {
                problems.add("product " + product.getKey() + " stock " + now + ", expected " + expected);
            }
        }
        for (Customer customer : customers) {
            BigDecimal balance = new BigDecimal(
                    decimal(call("GET", "/api/v1/wallets/me", customer.token(), null, null).body(), "balance"));
            BigDecimal expected = BigDecimal.valueOf(1000L * topUps).subtract(charged.getOrDefault(customer.id(), BigDecimal.ZERO));
            if (balance.compareTo(expected) != 0) {
                problems.add("customer " + customer.id() + " balance " + balance + ", expected " + expected);
            }
        }
        System.out.printf("reconciliation: %d orders, %d products, %d wallets checked; %s%n",
                placed.size(), stockBefore.size(), customers.size(),
                problems.isEmpty() ? "0 lost or duplicated effects" : problems.size() + " PROBLEMS: " + problems);
        return problems.isEmpty();
    }

    /** Each customer places one-item orders back to back for {@code duration}. */
    static List<Placed> closedLoop(List<Customer> customers, List<String> products, Duration duration)
            throws Exception {
        Phase phase = new Phase();
        long end = System.nanoTime() + duration.toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < customers.size(); c++) {
                Customer customer = customers.get(c);
                int offset = c;
                threads.submit(() -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        phase.place(customer, products.get(i % products.size()));
                    }
                    return null;
                });
            }
        }
        return phase.placed();
    }

    /**
     * One placement every {@code 1/rate} s for {@code duration}, each on its own thread, whatever the answers (open
     * loop: a slow saga does not slow the arrivals down); customers in turn.
     */
    static List<Placed> paced(List<Customer> customers, List<String> products, double rate, Duration duration)
            throws Exception {
        Phase phase = new Phase();
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; (long) i * interval < duration.toNanos(); i++) {
                java.util.concurrent.locks.LockSupport.parkNanos(start + i * interval - System.nanoTime());
                Customer customer = customers.get(i % customers.size());
                String product = products.get(i % products.size());
                threads.submit(() -> {
                    phase.place(customer, product);
                    return null;
                });
            }
        }
        return phase.placed();
    }

    /** One order of one item, alone; null unless answered 201. */
    static Placed place(Customer customer, String product) throws Exception {
        Phase phase = new Phase();
        phase.place(customer, product);
        List<Placed> placed = phase.placed();
        return placed.isEmpty() ? null : placed.getFirst();
    }

    /** The orders one phase placed (answered 201) and its refusals, counted by status and start of body. */
    record Phase(List<Placed> accepted, Map<String, Integer> refused) {

        Phase() {
            this(Collections.synchronizedList(new ArrayList<>()), new ConcurrentHashMap<>());
        }

        void place(Customer customer, String product) throws Exception {
            HttpResponse<String> response = call("POST", "/api/v1/orders", customer.token(),
                    UUID.randomUUID().toString(),
                    "{\"items\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(product));
            if (response.statusCode() == 201) {
                accepted.add(new Placed(text(response.body(), "id"), customer, product, 1));
            } else {
                String body = response.body();
                refused.merge(response.statusCode() + " " + body.substring(0, Math.min(120, body.length())), 1,
                        Integer::sum);
            }
        }

        /** The accepted orders, once the phase is over; prints the refusals if there were any. */
        List<Placed> placed() {
            if (!refused.isEmpty()) {
                System.out.println("placements refused: " + refused);
            }
            return accepted;
        }
    }

    static HttpResponse<String> call(String method, String path, String token, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String login(String email, String password) throws Exception {
        return text(call("POST", "/api/v1/auth/token", null, null,
                        "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)).body(),
                "access_token");
    }

    static boolean pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    static Instant stepTime(String order, String step) {
        Matcher m = Pattern.compile("\\{\"at\":\"([^\"]+)\",\"step\":\"" + step + "\"").matcher(order);
        if (!m.find()) {
            throw new IllegalStateException("No " + step + " in " + order);
        }
        return Instant.parse(m.group(1));
    }

    static String text(String json, String member) {
        Matcher m = Pattern.compile("\"" + member + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + member + " in " + json);
        }
        return m.group(1);
    }

    static String decimal(String json, String member) {
        Matcher m = Pattern.compile("\"" + member + "\":([0-9.]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + member + " in " + json);
        }
        return m.group(1);
    }

    static int number(String json, String member) {
        return Integer.parseInt(decimal(json, member));
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}
