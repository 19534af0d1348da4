// Load generator for `sagas`: customers place orders through the gateway concurrently; every saga is then checked.
// Run with: java SagaLoad.java <gateway-url> <admin-password> <seconds> <concurrency>
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SagaLoad {

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String gateway;

    record Customer(String token, UUID id) {}

    record Placed(String orderId, Customer customer, String productId, int quantity) {}

    public static void main(String[] args) throws Exception {
        gateway = args[0];
        String adminPassword = args[1];
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        int concurrency = Integer.parseInt(args[3]);
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
            for (int t = 0; t < 5; t++) { // top-ups are capped at 1000 each
                call("POST", "/api/v1/wallets/me/top-ups", customer.token(), UUID.randomUUID().toString(), "{\"amount\": 1000}");
            }
            customers.add(customer);
        }

        // Warm-up: sagas not counted in the figures (but reconciled like the rest).
        List<Placed> warmUp = run(customers, products, Duration.ofSeconds(15));
        List<Placed> placed = run(customers, products, duration);
        List<Placed> all = new ArrayList<>(warmUp);
        all.addAll(placed);

        // Wait until every order has finished, then read their timelines.
        Map<String, String> status = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Instant lastConfirmed = Instant.EPOCH;
        Instant firstPlaced = Instant.MAX;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        java.util.Set<String> measured = new java.util.HashSet<>();
        placed.forEach(order -> measured.add(order.orderId()));
        for (Placed order : all) {
            String body;
            do {
                body = call("GET", "/api/v1/orders/" + order.orderId(), order.customer().token(), null, null).body();
            } while (text(body, "status").equals("PENDING") && System.nanoTime() < deadline && pause());
            status.put(order.orderId(), text(body, "status"));
            if (!measured.contains(order.orderId())) {
                continue;
            }
            Instant placedAt = stepTime(body, "PLACED");
            firstPlaced = placedAt.isBefore(firstPlaced) ? placedAt : firstPlaced;
            if (text(body, "status").equals("CONFIRMED")) {
                Instant confirmedAt = stepTime(body, "CONFIRMED");
                latencies.add(Duration.between(placedAt, confirmedAt).toMillis());
                lastConfirmed = confirmedAt.isAfter(lastConfirmed) ? confirmedAt : lastConfirmed;
            }
        }

        Map<String, Integer> byStatus = new HashMap<>();
        placed.forEach(order -> byStatus.merge(status.get(order.orderId()), 1, Integer::sum));
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int confirmed = byStatus.getOrDefault("CONFIRMED", 0);
        double seconds = Duration.between(firstPlaced, lastConfirmed).toMillis() / 1000.0;
        System.out.printf("orders placed: %d in %d s by %d customers; outcomes: %s%n",
                placed.size(), duration.toSeconds(), concurrency, byStatus);
        System.out.printf("sagas confirmed per second: %.1f (first PLACED to last CONFIRMED, %.1f s)%n",
                confirmed / seconds, seconds);
        System.out.printf("POST to CONFIRMED (server timeline): p50 %d ms, p99 %d ms, max %d ms%n",
                percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.getLast());

        System.exit(reconcile(admin, all, status, customers, stockBefore) ? 0 : 1);
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
            BigDecimal expected = new BigDecimal("5000").subtract(charged.getOrDefault(customer.id(), BigDecimal.ZERO));
            if (balance.compareTo(expected) != 0) {
                problems.add("customer " + customer.id() + " balance " + balance + ", expected " + expected);
            }
        }
        System.out.printf("reconciliation: %d orders, %d products, %d wallets checked; %s%n",
                placed.size(), stockBefore.size(), customers.size(),
                problems.isEmpty() ? "0 lost or duplicated effects" : problems.size() + " PROBLEMS: " + problems);
        return problems.isEmpty();
    }

    static List<Placed> run(List<Customer> customers, List<String> products, Duration duration) throws Exception {
        List<Placed> placed = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        long end = System.nanoTime() + duration.toNanos();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < customers.size(); c++) {
                Customer customer = customers.get(c);
                int offset = c;
                threads.submit(() -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        String product = products.get(i % products.size());
                        HttpResponse<String> response = call("POST", "/api/v1/orders", customer.token(),
                                UUID.randomUUID().toString(),
                                "{\"items\":[{\"productId\":\"%s\",\"quantity\":1}]}".formatted(product));
                        if (response.statusCode() == 201) {
                            placed.add(new Placed(text(response.body(), "id"), customer, product, 1));
                        } else {
                            String body = response.body();
                            errors.merge(response.statusCode() + " " + body.substring(0, Math.min(120, body.length())),
                                    1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
        }
        if (!errors.isEmpty()) {
            System.out.println("placements refused: " + errors);
        }
        return placed;
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
            Thread.sleep(100);
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
