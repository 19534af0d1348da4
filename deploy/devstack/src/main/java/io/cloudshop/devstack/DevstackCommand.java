package io.cloudshop.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ./devstack up [--fresh] [--detach] | down | status | tour | stop|kill|start|restart|pause|resume <component> |
 * logs <component>}.
 * Errors the user can act on are printed as one clear message and exit code 1; usage errors exit with 2.
 */
public final class DevstackCommand {

    private static final String USAGE = """
            Usage: ./devstack <command>

              up [--fresh] [--detach]  build what is stale, start the whole suite and wait until the gateway routes
                                       to every service. Stays in the foreground; Ctrl-C stops everything.
                                       --fresh   wipe .devstack/ (databases, Kafka data, logs, dev secrets) first
                                       --detach  return once the stack is up; stop it later with ./devstack down
              down                     stop everything the devstack started
              status                   show what runs and whether it is healthy
              tour                     a first order on the running stack, step by step: register, top up,
                                       order, watch the saga; then the order's trace in Zipkin and the saga
                                       funnel in Prometheus

            Rehearse a failure on the running stack (any terminal):
              stop <component>         stop it gracefully, as for maintenance
              kill <component>         kill it and its child processes at once (SIGKILL), as a crash
              start <component>        start it again and wait until it is healthy
              restart <component>      stop, then start
              pause <component>        freeze it and its child processes (SIGSTOP): it keeps its connections
                                       but answers nothing, as a stalled process
              resume <component>       let a paused component go on (SIGCONT)
              logs <component> [--no-follow]
                                       its log's last 40 lines, then what it writes until Ctrl-C
            Components: postgres, kafka, zipkin, redis, prometheus, discovery, user-service, product-service, order-service,
            payment-service, gateway.

            Ports and settings come from environment variables; see the README.""";

    private DevstackCommand() {}

    public static void main(String[] args) {
        if (Runtime.version().feature() < 21) {
            System.err.println("devstack: error: needs JDK 21 or newer, but runs on " + Runtime.version() + ".");
            System.exit(1);
        }
        Console console = new Console(System.out);
        try {
            System.exit(run(args, console));
        } catch (DevstackException ex) {
            System.err.println("devstack: error: " + ex.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args, Console console) {
        if (args.length == 0 || Set.of("help", "-h", "--help").contains(args[0])) {
            console.line(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Path root = Path.of(System.getenv().getOrDefault("DEVSTACK_ROOT", "."))
                .toAbsolutePath()
                .normalize();
        Settings settings = Settings.fromEnvironment(root, System.getenv());
        Set<String> flags = new HashSet<>(List.of(args).subList(1, args.length));
        return switch (args[0]) {
            case "up" -> up(settings, console, flags);
            case "down" -> {
                requireNoFlags(flags);
                Stack.down(settings, console);
                yield 0;
            }
            case "status" -> {
                requireNoFlags(flags);
                yield Stack.status(settings, console) ? 0 : 1;
            }
            case "tour" -> {
                requireNoFlags(flags);
                new Walkthrough(settings, console, java.time.Duration.ofSeconds(60)).run();
                yield 0;
            }
            case "stop", "kill", "start", "restart", "pause", "resume" -> {
                String component = component(args);
                requireNoFlags(new HashSet<>(List.of(args).subList(2, args.length)));
                Stack.control(
                        settings, console, Stack.Drill.valueOf(args[0].toUpperCase(java.util.Locale.ROOT)), component);
                yield 0;
            }
            case "logs" -> {
                String component = component(args);
                Set<String> options = new HashSet<>(List.of(args).subList(2, args.length));
                boolean follow = !options.remove("--no-follow");
                requireNoFlags(options);
                Stack.logs(settings, console, component, follow);
                yield 0;
            }
            default -> {
                System.err.println("devstack: unknown command '" + args[0] + "'.");
                console.line(USAGE);
                yield 2;
            }
        };
    }

    private static int up(Settings settings, Console console, Set<String> flags) {
        Set<String> unknown = new HashSet<>(flags);
        unknown.removeAll(Set.of("--fresh", "--detach"));
        if (!unknown.isEmpty()) {
            throw new DevstackException("unknown option(s) for up: " + String.join(" ", unknown) + ".");
        }
        if (flags.contains("--fresh")) {
            if (!new StateFile(settings.stateFile()).read().isEmpty()) {
                Stack.down(settings, console);
            }
            wipe(settings.home());
            console.line("Wiped " + settings.home() + ".");
        }
        boolean detach = flags.contains("--detach");
        Stack stack = new Stack(settings, console);
        Thread stopOnExit = new Thread(
                () -> {
                    if (stack.anyAlive()) {
                        console.line("");
                        console.line("Stopping the devstack ...");
                        stack.close();
                        console.line("The devstack is stopped.");
                    }
                },
                "devstack-shutdown");
        if (!detach) {
            Runtime.getRuntime().addShutdownHook(stopOnExit);
        }
        console.line("Starting the devstack (data and logs in " + stack.display(settings.home()) + ") ...");
        stack.start();
        if (detach) {
            console.line("Detached. Stop it with ./devstack down; check it with ./devstack status.");
            return 0;
        }
        console.line("Press Ctrl-C to stop it (or run ./devstack down in another terminal).");
        watch(stack, console);
        return 0;
    }

    /** Reports components that die while the stack runs; returns when none is left (e.g. after ./devstack down). */
    private static void watch(Stack stack, Console console) {
        Set<String> reported = new HashSet<>();
        while (stack.anyAlive()) {
            for (String name : stack.died()) {
                if (reported.add(name)) {
                    console.line("[!] " + name + " has exited; see ./devstack logs " + name + ", and start it again"
                            + " with ./devstack start " + name + ".");
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        console.line("Every component has stopped.");
    }

    private static String component(String[] args) {
        if (args.length < 2 || args[1].startsWith("-")) {
            throw new DevstackException(
                    args[0] + " needs a component, e.g. ./devstack " + args[0] + " payment-service.");
        }
        return args[1];
    }

    private static void requireNoFlags(Set<String> flags) {
        if (!flags.isEmpty()) {
            throw new DevstackException("unexpected option(s): " + String.join(" ", flags) + ".");
        }
    }

    private static void wipe(Path home) {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException ex) {
            throw new DevstackException("Could not wipe " + home + ": " + ex.getMessage(), ex);
        }
    }
}
