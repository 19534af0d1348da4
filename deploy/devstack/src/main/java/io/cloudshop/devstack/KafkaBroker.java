package io.cloudshop.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A real single-node Kafka in KRaft mode (combined broker and controller), run as its own JVM from the
 * {@code kafka_2.13} jars that the devstack module copies to {@code target/lib}. Its log directory is formatted once
 * and kept under {@code .devstack/kafka}.
 */
final class KafkaBroker extends Component {

    private final Settings settings;
    private final List<Partitions.KafkaListener> serviceListeners;

    KafkaBroker(Settings settings) {
        this(settings, List.of());
    }

    /** With a listener per service, each advertised at the service's link ({@link Partitions}). */
    KafkaBroker(Settings settings, List<Partitions.KafkaListener> serviceListeners) {
        super("kafka");
        this.settings = settings;
        this.serviceListeners = serviceListeners;
    }

    @Override
    Map<String, Integer> ports() {
        return Map.of("Kafka", settings.kafkaPort(), "Kafka controller", settings.kafkaControllerPort());
    }

    @Override
    String url() {
        return "localhost:" + settings.kafkaPort();
    }

    @Override
    Path log() {
        return settings.logs().resolve("kafka.log");
    }

    private Path directory() {
        return settings.home().resolve("kafka");
    }

    private String classpath() {
        Path lib = settings.root().resolve("deploy/devstack/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new DevstackException("Kafka's jars are missing from " + lib + ": build the devstack module first.");
        }
        return lib.resolve("*").toString();
    }

    @Override
    long launch() throws Exception {
        Files.createDirectories(directory());
        Path config = directory().resolve("server.properties");
        Path logging = directory().resolve("log4j2.properties");
        Files.writeString(config, serverProperties());
        Files.writeString(logging, """
                status = warn
                appender.console.type = Console
                appender.console.name = console
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
                rootLogger.level = info
                rootLogger.appenderRef.console.ref = console
                logger.kafka.name = kafka
                logger.kafka.level = warn
                logger.kafka-startup.name = kafka.server.KafkaRaftServer
                logger.kafka-startup.level = info
                logger.apache.name = org.apache.kafka
                logger.apache.level = warn
                """);
        List<String> jvm =
                List.of("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + logging.toUri());
        if (!Files.exists(directory().resolve("data/meta.properties"))) {
            format(jvm, config);
        }
        JavaProcess broker = new JavaProcess(
                name(),
                JavaProcess.javaCommand(
                        String.join(" ", jvm), List.of("-cp", classpath(), "kafka.Kafka"), List.of(config.toString())),
                Map.of(),
                ports(),
                url(),
                log(),
                this::ready,
                null);
        return broker.launch();
    }

    /** Formats the log directory for a new single-node cluster; runs once per data directory. */
    private void format(List<String> jvm, Path config) throws IOException, InterruptedException {
        List<String> command = JavaProcess.javaCommand(
                String.join(" ", jvm),
                List.of("-cp", classpath(), "kafka.tools.StorageTool"),
                List.of("format", "-t", clusterId(), "-c", config.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new DevstackException("Formatting Kafka's log directory failed; see " + log());
        }
    }

    /**
     * Kafka cluster ids are 16 bytes in URL-safe base64, like {@code kafka-storage random-uuid} prints, and never start
     * with {@code -} (Kafka's own {@code Uuid.randomUuid()} draws again too): the storage tool would read such an id as
     * an option and fail, one start in 64.
     */
    static String clusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        return id;
    }

    private String serverProperties() {
        int port = settings.kafkaPort();
        int controller = settings.kafkaControllerPort();
        return """
                # Written by the devstack on every start.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%d
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d%s
                advertised.listeners=PLAINTEXT://127.0.0.1:%d%s
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT%s
                log.dirs=%s
                num.partitions=3
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # The log cleaner (compacting __consumer_offsets) allocates this on the heap at start: 128 MB by
                # default, most of the broker's idle footprint. 16 MB holds ~600,000 distinct keys per cleaning pass.
                log.cleaner.dedupe.buffer.size=16777216
                """.formatted(
                        controller,
                        port,
                        controller,
                        listed(l -> l.name() + "://127.0.0.1:" + l.port()),
                        port,
                        listed(l -> l.name() + "://127.0.0.1:" + l.advertised()),
                        listed(l -> l.name() + ":PLAINTEXT"),
                        directory().resolve("data"));
    }

    /** The services' listeners, each formatted, each after a comma. */
    private String listed(java.util.function.Function<Partitions.KafkaListener, String> format) {
        StringBuilder listed = new StringBuilder();
        serviceListeners.forEach(listener -> listed.append(',').append(format.apply(listener)));
        return listed.toString();
    }

    @Override
    boolean ready() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + settings.kafkaPort());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes()
                    .get(4, TimeUnit.SECONDS)
                    .isEmpty();
        } catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
