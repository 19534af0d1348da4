package io.cloudshop.devstack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The whole suite on one machine: PostgreSQL, Kafka, Zipkin, Redis (when installed), Eureka, the four services and the gateway, each its own
 * OS process, started in dependency order and each waited for until it serves. "Up" means the gateway routes to every
 * service, not merely that the processes report healthy.
 *
 * <p>{@code ./devstack} drives this class, and so do the system tests: one code path.
 */
public final class Stack implements AutoCloseable {

    /** A domain service: its module, database and owning role. */
    record Service(String name, String database, String role, String routeProbe) {}

    static final List<Service> SERVICES = List.of(
            new Service("user-service", "users", "user_service", "/api/v1/users"),
            new Service("product-service", "products", "product_service", "/api/v1/products"),
            new Service("order-service", "orders", "order_service", "/api/v1/orders"),
            new Service("payment-service", "payments", "payment_service", "/api/v1/payments"));

    /** The first admin the devstack creates; its password is generated into {@code .devstack/secrets.properties}. */
    public static final String ADMIN_EMAIL = "admin@cloudshop.local";

    static final String ADMIN_PASSWORD_KEY = "admin.password";

    /** The modules the stack runs from their Spring Boot jars. */
    static final List<String> MODULES =
            List.of("discovery", "user-service", "product-service", "order-service", "payment-service", "gateway");

    private final Settings settings;
    private final Console console;
    private final StateFile state;
    private final List<Component> components;
    private final Partitions partitions;
    private final Map<String, ProcessHandle> running = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean closed;

    public Stack(Settings settings, Console console) {
        this(settings, console, Partitions.none());
    }

    private Stack(Settings settings, Console console, Partitions partitions) {
        this.settings = settings;
        this.console = console;
        this.state = new StateFile(settings.stateFile());
        this.partitions = partitions;
        this.components = components(settings, partitions);
    }

    /**
     * A stack whose network paths fault drills can cut ({@link #cut}): the domain services reach PostgreSQL and Kafka,
     * and are reached, through relays in this JVM ({@link Partitions}). For the system tests: the relays live as long
     * as this object, so the stack must be started, drilled and closed from this JVM.
     */
    public static Stack partitionable(Settings settings, Console console) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(service -> ports.put(service.name(), port(settings, service)));
        return new Stack(settings, console, Partitions.open(settings, ports));
    }

    /** Whether {@link #cut} applies: in a {@link #partitionable} stack, to a domain service, PostgreSQL or Kafka. */
    public boolean partitionable(String name) {
        return partitions.partitionable(name);
    }

    /**
     * Cuts {@code name} off from the network while its process keeps running: a service from its callers, its
     * database and Kafka; PostgreSQL or Kafka from every service. Nothing is refused: what is sent waits, as in a real
     * partition, until {@link #heal}.
     */
    public void cut(String name) {
        required(name);
        partitions.cut(name);
        console.line("  %-16s cut off from the network".formatted(name));
    }

    /** Ends the partition {@link #cut} made: what waited goes through. */
    public void heal(String name) {
        required(name);
        partitions.heal(name);
        console.line("  %-16s back on the network".formatted(name));
    }

    /**
     * Builds what is stale, checks ports, starts every component and waits for it, then prints the summary. On any
     * failure it shows the failing component's log tail, stops what it started and throws.
     *
     * <p>Components start in two stages when {@link Settings#parallelStart()}: PostgreSQL, Kafka, Zipkin, Redis and
     * Eureka together, then the four services and the gateway together (the services need the first stage, not each
     * other; the gateway counts as up only once it routes to all four). Components that had no start-up cache record
     * one: once everything is up they are stopped, which writes the cache, and started again from it.
     */
    public void start() {
        refuseIfRunning();
        checkPorts();
        long build = settings.build() ? Build.ensureFresh(settings, MODULES, console) : 0;
        MODULES.forEach(this::requireJar);

        long start = System.nanoTime();
        List<List<Component>> stages = settings.parallelStart()
                ? List.of(
                        components.stream().filter(c -> !isApplication(c)).toList(),
                        components.stream().filter(Stack::isApplication).toList())
                : components.stream().map(List::of).toList();
        var up = new AtomicInteger();
        for (List<Component> stage : stages) {
            startTogether(stage, up);
        }
        long training = recordStartupCaches(up);
        summary(System.nanoTime() - start, build, training);
        console.line(
                settings.redisServer() != null
                        ? "Rate limits: buckets in Redis (" + settings.redisServer() + ")."
                        : "Rate limits: in the gateway's memory (no redis-server on PATH; install one to share them).");
        console.line(
                settings.prometheus() != null
                        ? "Metrics: Prometheus at " + Prometheus.url(settings)
                                + " scrapes every component's management port."
                        : "Metrics: each component's /actuator/prometheus on its management port (no prometheus on PATH;"
                                + " install one to query them).");
    }

    /** The four services and the gateway: what needs the rest of the stack before it can start. */
    private static boolean isApplication(Component component) {
        return component.name().equals("gateway")
                || SERVICES.stream().anyMatch(s -> s.name().equals(component.name()));
    }

    /**
     * Launches {@code stage} at once and waits until every one of its components serves, each watched on its own
     * thread (one slow readiness check does not delay noticing the others), printing each as it comes up; {@code up}
     * counts the components up so far.
     */
    private void startTogether(List<Component> stage, AtomicInteger up) {
        long begun = System.nanoTime();
        for (Component component : stage) {
            try {
                launch(component);
            } catch (RuntimeException | Error ex) {
                fail(component, ex);
            }
        }
        try (var watchers = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Component, Future<?>> ready = new LinkedHashMap<>();
            for (Component component : stage) {
                ready.put(component, watchers.submit(() -> {
                    awaitReady(component, begun);
                    console.line("[%d/%d] %-16s UP in %s"
                            .formatted(
                                    up.incrementAndGet(),
                                    components.size(),
                                    component.name(),
                                    Console.seconds(System.nanoTime() - begun)));
                    return null;
                }));
            }
            for (Map.Entry<Component, Future<?>> watcher : ready.entrySet()) {
                try {
                    watcher.getValue().get();
                } catch (ExecutionException ex) {
                    fail(watcher.getKey(), ex.getCause());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    fail(watcher.getKey(), new DevstackException("Interrupted while waiting for the stack to start."));
                }
            }
        }
    }

    /** Returns once {@code component}, launched at {@code begun}, serves; throws if it died or took too long. */
    private void awaitReady(Component component, long begun) {
        long deadline = begun + settings.startTimeout().toNanos();
        while (!component.ready()) {
            ProcessHandle handle = running.get(component.name());
            if (closed || handle == null || !handle.isAlive()) {
                throw new DevstackException(component.name() + " exited before it became healthy.");
            }
            if (System.nanoTime() > deadline) {
                throw new DevstackException(component.name() + " did not become healthy within "
                        + settings.startTimeout().toSeconds() + " s.");
            }
            pause();
        }
    }

    /**
     * Stops the components that started without a start-up cache (which writes it as they exit) and starts them again
     * from it; returns how long that took.
     */
    private long recordStartupCaches(AtomicInteger up) {
        List<Component> trained = components.stream()
                .filter(c -> c instanceof JavaProcess process && process.training())
                .toList();
        if (trained.isEmpty()) {
            return 0;
        }
        long begun = System.nanoTime();
        console.line("Recording start-up caches (once per build): restarting "
                + String.join(", ", trained.stream().map(Component::name).toList()) + " ...");
        // Writing the cache at exit takes seconds, more than a plain stop is given.
        java.time.Duration timeout = settings.stopTimeout().plusMinutes(2);
        trained.stream()
                .map(c -> java.util.concurrent.CompletableFuture.runAsync(() -> {
                    ProcessHandle handle = running.remove(c.name());
                    state.remove(c.name());
                    Processes.stop(handle, timeout);
                }))
                .toList()
                .forEach(java.util.concurrent.CompletableFuture::join);
        up.addAndGet(-trained.size());
        startTogether(trained, up);
        long missing = trained.stream()
                .filter(c -> c instanceof JavaProcess process && process.training())
                .count();
        if (missing > 0) {
            console.line("  %d component(s) wrote no start-up cache (see their logs); they start without one."
                    .formatted(missing));
        }
        return System.nanoTime() - begun;
    }

    /** The PIDs of the running components, in start order. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        synchronized (running) {
            running.forEach((name, handle) -> pids.put(name, handle.pid()));
        }
        return pids;
    }

    /** Stops one component (gracefully, then forced), e.g. to see the gateway degrade: {@code ./devstack stop}. */
    public void stop(String name) {
        ProcessHandle handle = alive(name).orElseThrow(() -> new DevstackException(name + " is not running."));
        running.remove(name);
        stopOne(name, handle);
    }

    /**
     * Kills one component and its child processes at once (SIGKILL), as a crash: {@code ./devstack kill}. It stays in
     * the state file, as a crash would leave it.
     */
    public void kill(String name) {
        ProcessHandle handle = alive(name).orElseThrow(() -> new DevstackException(name + " is not running."));
        running.remove(name);
        List<ProcessHandle> descendants = handle.descendants().toList();
        handle.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        handle.onExit().join();
        console.line("  %-16s killed (pid %d)".formatted(name, handle.pid()));
    }

    /** Freezes one component and its child processes (SIGSTOP): {@code ./devstack pause}. */
    public void pause(String name) {
        signal(name, "STOP");
        console.line("  %-16s paused; ./devstack resume %s lets it go on".formatted(name, name));
    }

    /** Lets a paused component go on (SIGCONT): {@code ./devstack resume}. */
    public void resume(String name) {
        signal(name, "CONT");
        console.line("  %-16s resumed".formatted(name));
    }

    /**
     * Sends {@code signal} to the component's process and its descendants (PostgreSQL's backends are children of its
     * postmaster: stopping the postmaster alone would leave every open connection served). Through {@code kill}, the
     * one way to send a signal other than KILL and TERM from a JVM; its signal names are POSIX, so macOS takes them.
     */
    private void signal(String name, String signal) {
        ProcessHandle handle = alive(name).orElseThrow(() -> new DevstackException(name + " is not running."));
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(handle.pid())));
        handle.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new DevstackException("kill -%s %s failed: %s".formatted(signal, name, output.strip()));
            }
        } catch (IOException ex) {
            throw new DevstackException("Could not run kill: " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DevstackException("Interrupted while signalling " + name + ".");
        }
    }

    /**
     * Starts a component that was stopped, killed or crashed, and waits until it is healthy (e.g. to see a saga
     * resume): {@code ./devstack start}.
     */
    public void start(String name) {
        Component component = required(name);
        alive(name).ifPresent(handle -> {
            throw new DevstackException(name + " is already running (pid " + handle.pid() + ").");
        });
        startOne(component);
    }

    /** The component's live process: the one this stack started, or the one the state file records. */
    private Optional<ProcessHandle> alive(String name) {
        required(name);
        ProcessHandle own = running.get(name);
        if (own != null && own.isAlive()) {
            return Optional.of(own);
        }
        return state.read().stream()
                .filter(entry -> entry.name().equals(name))
                .findFirst()
                .flatMap(entry -> Processes.find(entry.pid(), entry.started()));
    }

    /** Whether every component this stack started is still alive. */
    public boolean allAlive() {
        synchronized (running) {
            return running.values().stream().allMatch(ProcessHandle::isAlive);
        }
    }

    /** Whether any component runs: one this stack started, or one started again by {@code ./devstack start}. */
    boolean anyAlive() {
        synchronized (running) {
            if (running.values().stream().anyMatch(ProcessHandle::isAlive)) {
                return true;
            }
        }
        return !recordedAlive().isEmpty();
    }

    /** The components the state file records whose processes still run, by name, in start order. */
    private Map<String, ProcessHandle> recordedAlive() {
        Map<String, ProcessHandle> alive = new LinkedHashMap<>();
        for (StateFile.Entry entry : state.read()) {
            Processes.find(entry.pid(), entry.started()).ifPresent(handle -> alive.put(entry.name(), handle));
        }
        return alive;
    }

    /**
     * Components that died without being stopped on purpose: neither through this stack nor by {@code ./devstack
     * down}, {@code stop} or {@code restart} (each removes the component from the state file, or records its new
     * process, before the old one ends). A component killed by {@code ./devstack kill} is reported: it crashed.
     */
    List<String> died() {
        Map<String, Long> recorded = new LinkedHashMap<>();
        state.read().forEach(entry -> recorded.put(entry.name(), entry.pid()));
        synchronized (running) {
            return running.entrySet().stream()
                    .filter(e -> !e.getValue().isAlive())
                    .filter(e -> Long.valueOf(e.getValue().pid()).equals(recorded.get(e.getKey())))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /** Stops everything in reverse start order (the services together). Safe to call more than once. */
    @Override
    public synchronized void close() {
        closed = true;
        Map<String, ProcessHandle> alive = new LinkedHashMap<>();
        synchronized (running) {
            running.forEach((name, handle) -> {
                if (handle.isAlive()) {
                    alive.put(name, handle);
                }
            });
            running.clear();
        }
        // And what ./devstack start or restart started from another terminal while this stack ran.
        recordedAlive().forEach(alive::putIfAbsent);
        stopInStages(alive);
        alive.keySet().forEach(state::remove);
        // Components that had crashed (./devstack kill, or on their own) are recorded still: nothing runs now.
        state.read().forEach(entry -> state.remove(entry.name()));
        partitions.close();
    }

    /** {@code ./devstack down}: stops what the state file lists, from any terminal, leaving no process behind. */
    public static void down(Settings settings, Console console) {
        StateFile state = new StateFile(settings.stateFile());
        List<StateFile.Entry> entries = new ArrayList<>(state.read());
        if (entries.isEmpty()) {
            console.line("Nothing to stop: the devstack is not running.");
            return;
        }
        Stack stack = new Stack(settings, console);
        Map<String, ProcessHandle> alive = new LinkedHashMap<>();
        for (StateFile.Entry entry : entries) {
            Optional<ProcessHandle> handle = Processes.find(entry.pid(), entry.started());
            if (handle.isPresent()) {
                alive.put(entry.name(), handle.get());
            } else {
                console.line("  %-16s was not running".formatted(entry.name()));
            }
        }
        stack.stopInStages(alive);
        state.clear();
        console.line("The devstack is stopped.");
    }

    /** What {@link #control} can do to one component. */
    public enum Drill {
        /** Stop it gracefully (SIGTERM, then forced after the stop timeout), as for maintenance. */
        STOP,
        /** Kill it and its child processes at once (SIGKILL), as a crash: nothing of it gets to clean up. */
        KILL,
        /** Start it if it does not run, and wait until it is healthy. */
        START,
        /** {@link #STOP}, then {@link #START}. */
        RESTART,
        /**
         * Freeze it and its child processes (SIGSTOP): it keeps its sockets and memory but answers nothing, as a
         * process stalled by a long GC pause, a swapped-out host or a hung disk. Callers see it only through their
         * timeouts.
         */
        PAUSE,
        /** Let a paused component go on (SIGCONT) from where it stopped. */
        RESUME
    }

    /**
     * {@code ./devstack stop|kill|start|restart <component>}: one component of the running stack, from any terminal
     * (the state file says what runs). A started component is recorded like the others, so {@code down}, {@code
     * status} and the terminal running {@code up} see it; a killed one stays recorded, as a crash would leave it.
     */
    public static void control(Settings settings, Console console, Drill drill, String name) {
        Stack stack = new Stack(settings, console);
        switch (drill) {
            case STOP -> stack.stop(name);
            case KILL -> stack.kill(name);
            case START -> stack.start(name);
            case PAUSE -> stack.pause(name);
            case RESUME -> stack.resume(name);
            case RESTART -> {
                if (stack.alive(name).isPresent()) {
                    stack.stop(name);
                }
                stack.start(name);
            }
        }
    }

    /** Starts one component of a stack that otherwise runs: its ports must be free; waits until it is healthy. */
    private void startOne(Component component) {
        component.ports().forEach((variable, port) -> {
            if (!Processes.portFree(port)) {
                throw new DevstackException("Port %d for %s is still in use%s."
                        .formatted(
                                port,
                                component.name(),
                                Processes.portOwner(port).map(o -> " by " + o).orElse("")));
            }
        });
        long begun = System.nanoTime();
        launch(component);
        try {
            awaitReady(component, begun);
        } catch (RuntimeException ex) {
            console.line("Last lines of " + display(component.log()) + ":");
            printTail(console, component.log(), 30);
            throw ex;
        }
        console.line("  %-16s UP in %s".formatted(component.name(), Console.seconds(System.nanoTime() - begun)));
    }

    /** {@code ./devstack logs <component>}: its log's last lines, then what it writes until interrupted. */
    public static void logs(Settings settings, Console console, String name, boolean follow) {
        Stack stack = new Stack(settings, console);
        Path log = stack.required(name).log();
        if (!Files.exists(log)) {
            throw new DevstackException(name + " has no log yet (" + stack.display(log) + ").");
        }
        try {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(console::line);
        } catch (IOException ex) {
            throw new DevstackException("Could not read " + stack.display(log) + ": " + ex.getMessage(), ex);
        }
        if (!follow) {
            return;
        }
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long position = file.length();
            while (!Thread.currentThread().isInterrupted()) {
                long length = file.length();
                if (length < position) {
                    position = 0; // replaced (a fresh start): read it from the beginning
                }
                if (length > position) {
                    file.seek(position);
                    byte[] bytes = new byte[(int) Math.min(length - position, 1 << 20)];
                    file.readFully(bytes);
                    position += bytes.length;
                    console.begin(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    Thread.sleep(250);
                }
            }
        } catch (IOException ex) {
            throw new DevstackException("Could not read " + stack.display(log) + ": " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code ./devstack status}: what runs, and whether it is healthy. */
    public static boolean status(Settings settings, Console console) {
        List<StateFile.Entry> entries = new StateFile(settings.stateFile()).read();
        if (entries.isEmpty()) {
            console.line("The devstack is not running.");
            return false;
        }
        Stack stack = new Stack(settings, console);
        List<Row> rows = new ArrayList<>();
        boolean allHealthy = true;
        for (StateFile.Entry entry : entries) {
            Optional<ProcessHandle> handle = Processes.find(entry.pid(), entry.started());
            String health;
            if (handle.isEmpty()) {
                health = "STOPPED";
            } else {
                Component component = stack.component(entry.name());
                health = component != null && component.ready() ? "UP" : "DOWN";
            }
            allHealthy &= health.equals("UP");
            rows.add(new Row(entry.name(), health, entry.url(), handle.orElse(null), entry.log()));
        }
        String total = stack.printTable(rows);
        console.line("%s; %s."
                .formatted(allHealthy ? "All components are healthy" : "Some components are not healthy", total));
        return allHealthy;
    }

    /**
     * Stops components in reverse start order, the domain services concurrently: they do not depend on each other,
     * and each spends seconds deregistering from Eureka.
     */
    private void stopInStages(Map<String, ProcessHandle> alive) {
        List<String> order =
                new ArrayList<>(components.stream().map(Component::name).toList());
        java.util.Collections.reverse(order);
        List<String> services = SERVICES.stream().map(Service::name).toList();
        List<java.util.concurrent.CompletableFuture<Void>> parallel = new ArrayList<>();
        for (String name : order) {
            ProcessHandle handle = alive.get(name);
            if (handle == null) {
                continue;
            }
            if (services.contains(name)) {
                parallel.add(java.util.concurrent.CompletableFuture.runAsync(() -> stopOne(name, handle)));
                continue;
            }
            parallel.forEach(java.util.concurrent.CompletableFuture::join);
            parallel.clear();
            stopOne(name, handle);
        }
        parallel.forEach(java.util.concurrent.CompletableFuture::join);
    }

    private void stopOne(String name, ProcessHandle handle) {
        long begun = System.nanoTime();
        state.remove(name);
        boolean graceful = Processes.stop(handle, settings.stopTimeout());
        console.line("  %-16s %s %s"
                .formatted(name, graceful ? "stopped in" : "killed after", Console.seconds(System.nanoTime() - begun)));
    }

    private Component required(String name) {
        Component component = component(name);
        if (component == null) {
            throw new DevstackException("No component is called '" + name + "'. The components: "
                    + String.join(", ", components.stream().map(Component::name).toList()) + ".");
        }
        return component;
    }

    private Component component(String name) {
        return components.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private void refuseIfRunning() {
        List<String> alive = state.read().stream()
                .filter(entry -> Processes.find(entry.pid(), entry.started()).isPresent())
                .map(entry -> entry.name() + " (pid " + entry.pid() + ")")
                .toList();
        if (!alive.isEmpty()) {
            throw new DevstackException("The devstack already runs: " + String.join(", ", alive)
                    + ". See ./devstack status, or stop it with ./devstack down.");
        }
        state.clear();
    }

    private void requireJar(String module) {
        if (!Files.exists(Build.jar(settings.root(), module))) {
            throw new DevstackException(module + " is not built (" + display(Build.jar(settings.root(), module))
                    + " is missing). Run ./devstack up without DEVSTACK_BUILD=false, or ./mvnw package -DskipTests.");
        }
    }

    private void checkPorts() {
        List<String> problems = new ArrayList<>();
        for (Component component : components) {
            component.ports().forEach((variable, port) -> {
                if (!Processes.portFree(port)) {
                    String owner =
                            Processes.portOwner(port).map(o -> " by " + o).orElse("");
                    problems.add("Port %d for %s is already in use%s. Stop that process or set %s to a free port."
                            .formatted(port, component.name(), owner, variable));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new DevstackException(String.join(System.lineSeparator(), problems));
        }
    }

    /** Starts the process and records it; does not wait for it to serve. */
    private void launch(Component component) {
        if (closed) {
            throw new DevstackException("Stopped before " + component.name() + " was started.");
        }
        long pid;
        try {
            pid = component.launch();
        } catch (DevstackException ex) {
            throw ex;
        } catch (Exception ex) {
            throw new DevstackException(component.name() + " could not be started: " + ex.getMessage(), ex);
        }
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new DevstackException(component.name() + " exited immediately."));
        running.put(component.name(), handle);
        if (closed) {
            // close() ran (Ctrl-C) while this component was launching: do not leave it behind.
            Processes.stop(handle, settings.stopTimeout());
            running.remove(component.name());
            throw new DevstackException("Stopped while " + component.name() + " was starting.");
        }
        state.add(new StateFile.Entry(
                component.name(),
                pid,
                handle.info().startInstant().orElse(Instant.now()),
                component.url(),
                component.log()));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DevstackException("Interrupted while waiting for the stack to start.");
        }
    }

    private void fail(Component component, Throwable cause) {
        console.line("");
        console.line("Last lines of " + display(component.log()) + ":");
        printTail(console, component.log(), 30);
        console.line("");
        console.line("Stopping what was started ...");
        close();
        String message = cause instanceof DevstackException ? cause.getMessage() : cause.toString();
        throw new DevstackException(message + " Its log: " + display(component.log()), cause);
    }

    static void printTail(Console console, Path log, int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(line -> console.line("  | " + line));
        } catch (IOException | RuntimeException ex) {
            console.line("  (could not read " + log + ": " + ex.getMessage() + ")");
        }
    }

    /** The table, then how long the start took: without the build before it, with the cache recording in it. */
    private void summary(long elapsed, long build, long training) {
        List<Row> rows = new ArrayList<>();
        for (Component component : components) {
            ProcessHandle handle = running.get(component.name());
            boolean up = handle != null && handle.isAlive();
            rows.add(new Row(component.name(), up ? "UP" : "STOPPED", component.url(), handle, component.log()));
        }
        console.line("");
        String total = printTable(rows);
        console.line("");
        console.line("All %d components healthy in %s%s; %s."
                .formatted(
                        components.size(),
                        Console.seconds(elapsed),
                        training > 0 ? " (recording start-up caches " + Console.seconds(training) + " of it)" : "",
                        total));
        if (build > 0) {
            console.line("Build before the start: " + Console.seconds(build) + ".");
        }
        console.line("Admin: %s / %s (generated; kept in %s)"
                .formatted(
                        ADMIN_EMAIL, Secrets.load(settings.home()).get(ADMIN_PASSWORD_KEY), display(settings.home())));
        console.line("Try: curl " + settings.gatewayUrl() + "/api/v1/products");
    }

    /** One line of the component table. */
    private record Row(
            String name,
            String status,
            String url,
            @Nullable ProcessHandle process,
            Path log) {}

    /**
     * Prints the component table and returns the memory total for the closing line. Memory is read from Linux's
     * {@code /proc}; elsewhere the table says it is not available.
     */
    private String printTable(List<Row> rows) {
        boolean measured = Platform.hasProcFilesystem();
        long totalPss = 0;
        long totalRss = 0;
        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            long pss = row.process() != null && measured ? Processes.pss(row.process()) : 0;
            totalPss += pss;
            totalRss += row.process() != null && measured ? Processes.rss(row.process()) : 0;
            cells.add(List.of(
                    row.name(),
                    row.status(),
                    row.url(),
                    row.process() != null ? Long.toString(row.process().pid()) : "-",
                    measured ? Console.megabytes(pss) : "n/a",
                    display(row.log())));
        }
        console.table(List.of("COMPONENT", "STATUS", "URL", "PID", "MEMORY", "LOG"), cells);
        return measured
                ? memory(totalPss, totalRss)
                : "memory not measured (the devstack reads it from Linux's /proc; this is " + Platform.current() + ")";
    }

    /** MEMORY is proportional (PSS); summed RSS counts memory shared between processes more than once. */
    private static String memory(long pss, long rss) {
        return "total memory %s (PSS; summed RSS %s)".formatted(Console.megabytes(pss), Console.megabytes(rss));
    }

    String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path root = settings.root().toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    private static List<Component> components(Settings settings, Partitions partitions) {
        Secrets secrets = Secrets.load(settings.home());
        List<Postgres.Database> databases = SERVICES.stream()
                .map(s -> new Postgres.Database(s.database(), s.role()))
                .toList();
        Postgres postgres = new Postgres(settings, databases, secrets);
        List<Component> components = new ArrayList<>();
        components.add(postgres);
        components.add(new KafkaBroker(settings, partitions.kafkaListeners()));
        components.add(zipkin(settings));
        if (settings.redisServer() != null) {
            components.add(redis(settings, settings.redisServer()));
        }
        if (settings.prometheus() != null) {
            components.add(new Prometheus(settings, settings.prometheus()));
        }
        components.add(discovery(settings, secrets));
        DevKeys keys = DevKeys.load(settings.home());
        AdminToken admin = new AdminToken(settings, secrets.get(ADMIN_PASSWORD_KEY));
        for (Service service : SERVICES) {
            components.add(service(settings, service, postgres, secrets, keys, partitions));
        }
        components.add(gateway(settings, admin, secrets, partitions));
        return components;
    }

    private static Component zipkin(Settings settings) {
        String url = "http://localhost:" + settings.zipkinPort();
        Path jar = settings.root().resolve("deploy/devstack/target/zipkin/zipkin-server.jar");
        String jvmOptions = "-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
        AotCache cache = cache(settings, jar, jvmOptions);
        return new JavaProcess(
                "zipkin",
                JavaProcess.javaCommand(
                        jvmOptions,
                        List.of("-jar", (cache != null ? cache.jar() : jar).toString()),
                        // Zipkin's one HTTP port (Armeria) on the bind address: the whole list, as Spring Boot replaces
                        // a list rather than merging it.
                        List.of(
                                "--armeria.ports[0].ip=" + settings.bindAddress(),
                                "--armeria.ports[0].port=" + settings.zipkinPort(),
                                "--armeria.ports[0].protocols[0]=http")),
                // In-memory storage keeps 500,000 spans by default, more than its 128 MB heap holds: under load it
                // filled the heap and spent its CPU in full collections (at 25,000 too: ~3.5 KB a span). 10,000 spans
                // (the newest ~300 orders' traces) fit; older traces are dropped first.
                Map.of(
                        "QUERY_PORT",
                        Integer.toString(settings.zipkinPort()),
                        "STORAGE_TYPE",
                        "mem",
                        "MEM_MAX_SPANS",
                        "10000"),
                Map.of("ZIPKIN_PORT", settings.zipkinPort()),
                url,
                settings.logs().resolve("zipkin.log"),
                () -> Http.isOk(url + "/health"),
                cache);
    }

    /** Holds the gateway's rate-limit buckets only: nothing is saved to disk, a restart starts every bucket full. */
    private static Component redis(Settings settings, Path binary) {
        int port = settings.redisPort();
        return new JavaProcess(
                "redis",
                List.of(
                        binary.toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no"),
                Map.of(),
                Map.of("REDIS_PORT", port),
                "redis://127.0.0.1:" + port,
                settings.logs().resolve("redis.log"),
                () -> RedisPing.answers(port),
                null);
    }

    /** Eureka's API and dashboard need these; clients send them in their {@code EUREKA_URL}. */
    public static final String EUREKA_USERNAME = "eureka";

    static final String EUREKA_PASSWORD_KEY = "eureka.password";

    private static Component discovery(Settings settings, Secrets secrets) {
        String url = "http://localhost:" + settings.eurekaPort();
        AotCache cache = cache(settings, "discovery");
        return new JavaProcess(
                "discovery",
                JavaProcess.javaCommand(
                        settings.serviceJvmOptions(),
                        List.of("-jar", jar(settings, "discovery", cache)),
                        // Serve registrations as soon as they arrive instead of from a 30 s response cache.
                        List.of("--eureka.server.use-read-only-response-cache=false")),
                withManagement(
                        settings,
                        "discovery",
                        Map.of(
                                "PORT",
                                Integer.toString(settings.eurekaPort()),
                                "SERVER_ADDRESS",
                                settings.bindAddress(),
                                "EUREKA_USERNAME",
                                EUREKA_USERNAME,
                                "EUREKA_PASSWORD",
                                secrets.get(EUREKA_PASSWORD_KEY),
                                // Restarted, it serves reads only once every instance had two of its 5 s renewals
                                // to register again (see eurekaClientArgs); until then clients keep what they know.
                                "EUREKA_WAIT_WHEN_EMPTY_MS",
                                "10000")),
                Map.of(
                        "EUREKA_PORT",
                        settings.eurekaPort(),
                        "EUREKA_MANAGEMENT_PORT",
                        settings.managementPort("discovery")),
                url,
                settings.logs().resolve("discovery.log"),
                () -> Http.isUp(settings.managementUrl("discovery", "/actuator/health")),
                cache);
    }

    private static int port(Settings settings, Service service) {
        return switch (service.name()) {
            case "user-service" -> settings.userServicePort();
            case "product-service" -> settings.productServicePort();
            case "order-service" -> settings.orderServicePort();
            case "payment-service" -> settings.paymentServicePort();
            default -> throw new IllegalArgumentException(service.name());
        };
    }

    private static Component service(
            Settings settings,
            Service service,
            Postgres postgres,
            Secrets secrets,
            DevKeys keys,
            Partitions partitions) {
        int port = port(settings, service);
        Postgres.Database database = new Postgres.Database(service.database(), service.role());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", settings.bindAddress());
        env.put("DB_URL", postgres.jdbcUrl(database, partitions.postgresPort(settings, service.name())));
        env.put("DB_USERNAME", service.role());
        env.put("DB_PASSWORD", secrets.get(Postgres.passwordKey(database)));
        env.put("EUREKA_URL", eurekaUrl(settings, secrets));
        env.put("JWT_JWK_SET_URI", jwkSetUri(settings, partitions));
        if (service.name().equals("product-service")) {
            // Loaded through the catalog's use cases, and only into a catalog that never held a product.
            env.put(
                    "CATALOG_DEMO_FILE",
                    settings.root().resolve("deploy/devstack/demo-catalog.json").toString());
        }
        if (service.name().equals("order-service")) {
            // A saga that has not finished in 30 s is stuck here (a service down): cancel it, so nothing hangs.
            env.put("ORDERS_PENDING_TIMEOUT", ordersPendingTimeout().toSeconds() + "s");
        }
        if (service.name().equals("user-service")) {
            env.put("IDENTITY_SIGNING_KEY", keys.privateKeyPem());
            env.put("IDENTITY_KEY_ID", keys.keyId());
            env.put("ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("ADMIN_PASSWORD", secrets.get(ADMIN_PASSWORD_KEY));
        }
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + partitions.kafkaPort(settings, service.name()));
        env.putAll(tracingEnvironment(settings));
        String url = "http://localhost:" + port;
        String variable = service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        AotCache cache = cache(settings, service.name());
        List<String> args = new ArrayList<>(eurekaClientArgs(5));
        // Two idle connections instead of ten: four services' idle pools were forty PostgreSQL backends on a laptop;
        // the pool still grows to its maximum (ten) under load.
        args.add("--spring.datasource.hikari.minimum-idle=2");
        int reachedAt = partitions.reachedAt(service.name(), port);
        if (reachedAt != port) {
            // Registered at its link, so the gateway and the other services call it through the link.
            args.add("--eureka.instance.non-secure-port=" + reachedAt);
        }
        return new JavaProcess(
                service.name(),
                JavaProcess.javaCommand(
                        settings.serviceJvmOptions(), List.of("-jar", jar(settings, service.name(), cache)), args),
                withManagement(settings, service.name(), env),
                Map.of(
                        variable + "_PORT",
                        port,
                        variable + "_MANAGEMENT_PORT",
                        settings.managementPort(service.name())),
                url,
                settings.logs().resolve(service.name() + ".log"),
                () -> Http.isUp(settings.managementUrl(service.name(), "/actuator/health/readiness")),
                cache);
    }

    static String jwkSetUri(Settings settings, Partitions partitions) {
        return "http://localhost:" + partitions.reachedAt("user-service", settings.userServicePort())
                + "/api/v1/auth/jwks";
    }

    /**
     * How long order-service lets a saga stand still before it cancels the order ({@code TIMEOUT}):
     * {@code ORDERS_PENDING_TIMEOUT} in whole seconds or minutes ({@code 45s}, {@code 2m}), 30 s unset. The fault
     * drills pause the saga's payment step for longer than this.
     */
    public static Duration ordersPendingTimeout() {
        String value =
                System.getenv().getOrDefault("ORDERS_PENDING_TIMEOUT", "30s").strip();
        Matcher matcher = Pattern.compile("(\\d+)([sm])").matcher(value);
        if (!matcher.matches()) {
            throw new DevstackException(
                    "ORDERS_PENDING_TIMEOUT: whole seconds or minutes, such as 30s or 2m, not " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMinutes(amount);
    }

    /** Eureka's URL for its clients, with the registry's credentials. */
    static String eurekaUrl(Settings settings, Secrets secrets) {
        return "http://" + EUREKA_USERNAME + ":" + secrets.get(EUREKA_PASSWORD_KEY) + "@localhost:"
                + settings.eurekaPort() + "/eureka/";
    }

    private static Component gateway(Settings settings, AdminToken admin, Secrets secrets, Partitions partitions) {
        String url = settings.gatewayUrl();
        // The gateway learns of new, stopped and restarted instances within about two seconds: it fetches the registry
        // every second, and its load balancer caches instance lists for a second (default 35 s). A started service
        // is routable sooner, and the stack's start waits for exactly that.
        List<String> args = new ArrayList<>(eurekaClientArgs(1));
        args.add("--spring.cloud.loadbalancer.cache.ttl=1s");
        AotCache cache = cache(settings, "gateway");
        return new JavaProcess(
                "gateway",
                JavaProcess.javaCommand(
                        settings.serviceJvmOptions(), List.of("-jar", jar(settings, "gateway", cache)), args),
                withManagement(settings, "gateway", gatewayEnvironment(settings, secrets, partitions)),
                Map.of(
                        "GATEWAY_PORT",
                        settings.gatewayPort(),
                        "GATEWAY_MANAGEMENT_PORT",
                        settings.managementPort("gateway")),
                url,
                settings.logs().resolve("gateway.log"),
                () -> Http.isUp(settings.managementUrl("gateway", "/actuator/health"))
                        && SERVICES.stream().allMatch(s -> routes(url + s.routeProbe(), admin.get())),
                cache);
    }

    /**
     * The component's actuator on its own port, on the bind address, as in containers: Prometheus scrapes it without a
     * token, every other endpoint there still needs an admin's, and the API port has no actuator.
     */
    private static Map<String, String> withManagement(Settings settings, String component, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("MANAGEMENT_PORT", Integer.toString(settings.managementPort(component)));
        all.put("MANAGEMENT_SERVER_ADDRESS", settings.bindAddress());
        return all;
    }

    private static @Nullable AotCache cache(Settings settings, String module) {
        return cache(settings, Build.jar(settings.root(), module), settings.serviceJvmOptions());
    }

    private static @Nullable AotCache cache(Settings settings, Path jar, String jvmOptions) {
        return switch (settings.startupCache()) {
            case RECORD -> AotCache.of(jar, jvmOptions);
            case USE -> AotCache.of(jar, jvmOptions).existing();
            case OFF -> null;
        };
    }

    /** The extracted jar when the module starts from a cache, the Boot jar as built otherwise. */
    private static String jar(Settings settings, String module, @Nullable AotCache cache) {
        return (cache != null ? cache.jar() : Build.jar(settings.root(), module)).toString();
    }

    private static Map<String, String> gatewayEnvironment(Settings settings, Secrets secrets, Partitions partitions) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(settings.gatewayPort()));
        env.put("SERVER_ADDRESS", settings.bindAddress());
        env.put("EUREKA_URL", eurekaUrl(settings, secrets));
        env.put("JWT_JWK_SET_URI", jwkSetUri(settings, partitions));
        if (settings.redisServer() != null) {
            env.put("RATE_LIMIT_REDIS_URL", "redis://127.0.0.1:" + settings.redisPort());
        }
        env.putAll(tracingEnvironment(settings));
        return env;
    }

    /**
     * Spans to the devstack's Zipkin: every request traced, up to 20 new traces a second per component (so Zipkin and
     * the services stay healthy under a benchmark); {@code TRACING_SAMPLES_PER_SECOND=0} lifts the cap and
     * {@code TRACING_SAMPLING_PROBABILITY} then decides.
     */
    private static Map<String, String> tracingEnvironment(Settings settings) {
        return Map.of(
                "ZIPKIN_ENDPOINT",
                "http://localhost:" + settings.zipkinPort() + "/api/v2/spans",
                "TRACING_SAMPLING_PROBABILITY",
                System.getenv().getOrDefault("TRACING_SAMPLING_PROBABILITY", "1.0"),
                "TRACING_SAMPLES_PER_SECOND",
                System.getenv().getOrDefault("TRACING_SAMPLES_PER_SECOND", "20"));
    }

    /**
     * The gateway reached the service with a real admin token: anything but its own 401 (token not accepted yet), 404
     * (no route) or 502/503/504 (no instance).
     */
    private static boolean routes(String url, String token) {
        HttpResponse<String> response = Http.get(url, token);
        if (response == null) {
            return false;
        }
        int status = response.statusCode();
        return status != 401 && status != 404 && status != 502 && status != 503 && status != 504;
    }

    /**
     * Eureka defaults suit data centres (30 s renewals and fetches, 90 s expiry). On one machine a stopped or restarted
     * service should show within seconds, so every client renews every 5 s, fetches every {@code fetchSeconds} and
     * registers loopback.
     */
    private static List<String> eurekaClientArgs(int fetchSeconds) {
        return List.of(
                "--eureka.instance.ip-address=127.0.0.1",
                "--eureka.instance.lease-renewal-interval-in-seconds=5",
                "--eureka.instance.lease-expiration-duration-in-seconds=15",
                "--eureka.client.registry-fetch-interval-seconds=" + fetchSeconds);
    }
}
