package io.cloudshop.devstack;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus from the {@code prometheus} binary on {@code PATH}, run the way Redis is: the repository's scrape
 * configuration and alert rules ({@code deploy/observability/prometheus}), with the containers' targets
 * ({@code gateway:9080}, ...) replaced by the components' management ports on this machine. Data lives under the
 * devstack's home and is kept across restarts for a day.
 */
public final class Prometheus extends JavaProcess {

    /** A target of the containers' configuration: {@code - order-service:9080}. */
    private static final Pattern TARGET = Pattern.compile("^(\\s*- )([a-z-]+):9080\\s*$");

    /** Local runs scrape every 5 s (the repository's 15 s), so an order shows in a query within seconds. */
    static final String SCRAPE_INTERVAL = "5s";

    private final Settings settings;

    Prometheus(Settings settings, Path binary) {
        super(
                "prometheus",
                List.of(
                        binary.toString(),
                        "--config.file=" + configurationFile(settings),
                        "--storage.tsdb.path="
                                + settings.home().resolve("prometheus").resolve("data"),
                        "--storage.tsdb.retention.time=1d",
                        "--web.listen-address=" + settings.bindAddress() + ":" + settings.prometheusPort()),
                Map.of(),
                Map.of("PROMETHEUS_PORT", settings.prometheusPort()),
                url(settings),
                settings.logs().resolve("prometheus.log"),
                () -> Http.isOk(url(settings) + "/-/ready"),
                null);
        this.settings = settings;
    }

    static String url(Settings settings) {
        return "http://localhost:" + settings.prometheusPort();
    }

    /**
     * A page of the running Prometheus' web UI ({@code "graph"}, {@code "targets"}, ...), wherever this build serves
     * its UI: upstream's at {@code /graph}, Debian's (which ships only the classic UI) at {@code /classic/graph}. The
     * root redirects to the graph page, which tells.
     */
    public static String page(Settings settings, String page) {
        HttpResponse<String> root = Http.get(url(settings) + "/");
        String graph = root == null
                ? "/graph"
                : root.headers().firstValue("Location").map(Prometheus::path).orElse("/graph");
        return url(settings) + graph.substring(0, graph.lastIndexOf('/') + 1) + page;
    }

    private static String path(String location) {
        return URI.create(location).getPath();
    }

    private static Path configurationFile(Settings settings) {
        return settings.home().resolve("prometheus").resolve("prometheus.yml");
    }

    @Override
    long launch() throws Exception {
        Path repository = settings.root().resolve("deploy/observability/prometheus");
        String configuration = configuration(
                Files.readString(repository.resolve("prometheus.yml")),
                settings.managementPorts(),
                repository.resolve("alerts.yml").toAbsolutePath().normalize());
        Files.createDirectories(configurationFile(settings).getParent());
        Files.writeString(configurationFile(settings), configuration);
        return super.launch();
    }

    /**
     * The containers' configuration for this machine: every {@code <component>:9080} target becomes
     * {@code localhost:<its management port>}, the rule file its absolute path, the intervals {@value SCRAPE_INTERVAL}.
     * Fails when a target names no component the devstack runs, or a component has no target, so the two cannot drift
     * apart unnoticed.
     */
    static String configuration(String containers, Map<String, Integer> managementPorts, Path rules) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by the devstack from deploy/observability/prometheus/prometheus.yml: the same job, rules");
        lines.add("# and metrics path, with this machine's management ports and a " + SCRAPE_INTERVAL + " interval.");
        TreeSet<String> unscraped = new TreeSet<>(managementPorts.keySet());
        for (String line : containers.lines().toList()) {
            Matcher target = TARGET.matcher(line);
            if (target.matches()) {
                Integer port = managementPorts.get(target.group(2));
                if (port == null) {
                    throw new DevstackException("prometheus.yml scrapes " + target.group(2)
                            + ", which the devstack does not run; components: " + managementPorts.keySet());
                }
                unscraped.remove(target.group(2));
                lines.add(target.group(1) + "localhost:" + port);
            } else if (line.strip().equals("- alerts.yml")) {
                lines.add(line.replace("alerts.yml", "'" + rules + "'"));
            } else if (line.matches("\\s*(scrape|evaluation)_interval: .*")) {
                lines.add(line.replaceFirst(": .*", ": " + SCRAPE_INTERVAL));
            } else {
                lines.add(line);
            }
        }
        if (!unscraped.isEmpty()) {
            throw new DevstackException("prometheus.yml scrapes no " + unscraped + ".");
        }
        return String.join("\n", lines) + "\n";
    }
}
