package io.cloudshop.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network paths a fault drill can cut, for a stack started by {@link Stack#partitionable}: every domain service
 * reaches PostgreSQL and Kafka through a {@link NetworkLink} of its own, and is reached by the gateway and the other
 * services (through its Eureka registration and the JWK Set URI) through one more. Cutting a service cuts its three
 * links, so it is alone with its process running; cutting PostgreSQL or Kafka cuts every service's link to it. The
 * stack's own checks and the tests' direct connections do not pass through a link: they observe from outside.
 *
 * <p>Kafka tells clients where to connect next (its advertised listeners), so each service gets a listener of its own
 * on the broker, advertised at its link.
 */
final class Partitions implements AutoCloseable {

    /** A broker listener for one service: the broker listens on {@code port} and advertises {@code advertised}. */
    record KafkaListener(String name, int port, int advertised) {}

    private final Map<String, NetworkLink> inbound = new LinkedHashMap<>();
    private final Map<String, NetworkLink> database = new LinkedHashMap<>();
    private final Map<String, NetworkLink> kafka = new LinkedHashMap<>();
    private final Map<String, KafkaListener> listeners = new LinkedHashMap<>();

    private Partitions() {}

    /** No links: every client connects to the components' own ports. */
    static Partitions none() {
        return new Partitions();
    }

    static Partitions open(Settings settings, Map<String, Integer> servicePorts) {
        Partitions partitions = new Partitions();
        servicePorts.forEach((service, port) -> {
            partitions.inbound.put(service, new NetworkLink(service, port));
            partitions.database.put(service, new NetworkLink("postgres@" + service, settings.postgresPort()));
            int listenerPort = freePort();
            NetworkLink link = new NetworkLink("kafka@" + service, listenerPort);
            partitions.kafka.put(service, link);
            partitions.listeners.put(
                    service,
                    new KafkaListener(
                            service.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), listenerPort, link.port()));
        });
        return partitions;
    }

    /** Where {@code service} finds PostgreSQL. */
    int postgresPort(Settings settings, String service) {
        NetworkLink link = database.get(service);
        return link != null ? link.port() : settings.postgresPort();
    }

    /** Where {@code service} finds Kafka. */
    int kafkaPort(Settings settings, String service) {
        NetworkLink link = kafka.get(service);
        return link != null ? link.port() : settings.kafkaPort();
    }

    /** The port others reach {@code service} at: its link's, or its own. */
    int reachedAt(String service, int own) {
        NetworkLink link = inbound.get(service);
        return link != null ? link.port() : own;
    }

    /** The broker's extra listeners, one per service. */
    List<KafkaListener> kafkaListeners() {
        return List.copyOf(listeners.values());
    }

    boolean partitionable(String component) {
        return inbound.containsKey(component)
                || (component.equals("postgres") && !database.isEmpty())
                || (component.equals("kafka") && !kafka.isEmpty());
    }

    void cut(String component) {
        links(component).forEach(NetworkLink::cut);
    }

    void heal(String component) {
        links(component).forEach(NetworkLink::heal);
    }

    private List<NetworkLink> links(String component) {
        List<NetworkLink> links = new ArrayList<>();
        switch (component) {
            case "postgres" -> links.addAll(database.values());
            case "kafka" -> links.addAll(kafka.values());
            default -> {
                if (inbound.containsKey(component)) {
                    links.add(inbound.get(component));
                    links.add(database.get(component));
                    links.add(kafka.get(component));
                }
            }
        }
        if (links.isEmpty()) {
            throw new DevstackException(component + " cannot be cut off: only the domain services, PostgreSQL and"
                    + " Kafka, and only in a stack started for fault drills.");
        }
        return links;
    }

    /**
     * A port free now, for a broker listener (the broker binds it itself, so a link's way of holding its port does not
     * apply); another process could take it before the broker starts, which the broker's start would report.
     */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new DevstackException("No free port for a Kafka listener: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void close() {
        inbound.values().forEach(NetworkLink::close);
        database.values().forEach(NetworkLink::close);
        kafka.values().forEach(NetworkLink::close);
    }
}
