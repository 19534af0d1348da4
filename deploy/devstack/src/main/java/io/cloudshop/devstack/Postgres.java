package io.cloudshop.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One real PostgreSQL 17 cluster (zonky's embedded binaries, run by {@code pg_ctl} as its own process) with one
 * database and one login role per service. Each database is owned by its service's role and closed to every other
 * role, so a service cannot read another's data. The superuser logs in without a password from loopback only; service
 * roles need their generated passwords.
 */
final class Postgres extends Component {

    /** A service's database and the role that owns it. */
    record Database(String name, String role) {}

    private static final String SUPERUSER = "postgres";

    private final Settings settings;
    private final List<Database> databases;
    private final Secrets secrets;

    Postgres(Settings settings, List<Database> databases, Secrets secrets) {
        super("postgres");
        this.settings = settings;
        this.databases = databases;
        this.secrets = secrets;
    }

    static String passwordKey(Database database) {
        return "postgres." + database.role() + ".password";
    }

    String jdbcUrl(Database database) {
        return jdbcUrl(database, settings.postgresPort());
    }

    /** The database's URL at {@code port}: PostgreSQL's own, or a link to it. */
    String jdbcUrl(Database database, int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + database.name();
    }

    @Override
    Map<String, Integer> ports() {
        return Map.of("PostgreSQL", settings.postgresPort());
    }

    @Override
    String url() {
        return "postgresql://localhost:" + settings.postgresPort();
    }

    @Override
    Path log() {
        return settings.logs().resolve("postgres.log");
    }

    private Path dataDirectory() {
        return settings.home().resolve("postgres");
    }

    @Override
    long launch() throws Exception {
        Platform.current().requirePostgresBinaries(Postgres.class.getClassLoader());
        Files.createDirectories(log().getParent());
        Files.createDirectories(dataDirectory());
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log().toFile());
        // The cluster outlives this JVM (pg_ctl detaches it); ./devstack down or the launcher's own shutdown stops it.
        EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory())
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(settings.postgresPort())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                // Every commit durable before it is acknowledged, as PostgreSQL's own default: zonky's builder turns
                // this off for fast tests, and then a crash lost the last commits the services had already answered
                // for and published events of (found by the fault drills: an order the gateway accepted, gone).
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(toLog)
                .setErrorRedirector(toLog)
                .setDataDirectoryCustomizer(directory -> writeHostBasedAuthentication(directory.toPath()))
                .start();
        provision();
        return postmasterPid();
    }

    @Override
    boolean ready() {
        try (Connection connection = superuser("postgres");
                Statement statement = connection.createStatement()) {
            return statement.execute("select 1");
        } catch (SQLException ex) {
            return false;
        }
    }

    private static void writeHostBasedAuthentication(Path directory) {
        String hba = """
                # Written by the devstack. Loopback only; service roles authenticate with their passwords.
                local all all                trust
                host  all postgres 127.0.0.1/32 trust
                host  all postgres ::1/128      trust
                host  all all      127.0.0.1/32 scram-sha-256
                host  all all      ::1/128      scram-sha-256
                """;
        try {
            Files.writeString(directory.resolve("pg_hba.conf"), hba);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Creates missing roles and databases and (re)applies passwords and privileges; safe to run on every start. */
    private void provision() throws SQLException {
        try (Connection connection = superuser("postgres");
                Statement statement = connection.createStatement()) {
            for (Database database : databases) {
                String password = secrets.get(passwordKey(database));
                if (!exists(statement, "select 1 from pg_roles where rolname = '" + database.role() + "'")) {
                    statement.execute("create role " + database.role() + " login");
                }
                statement.execute("alter role " + database.role() + " with login password '" + password + "'");
                if (!exists(statement, "select 1 from pg_database where datname = '" + database.name() + "'")) {
                    statement.execute("create database " + database.name() + " owner " + database.role());
                }
                statement.execute("revoke all on database " + database.name() + " from public");
                statement.execute("grant connect, temporary on database " + database.name() + " to " + database.role());
            }
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            return result.next();
        }
    }

    private Connection superuser(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + database, properties);
    }

    private long postmasterPid() throws IOException {
        List<String> lines = Files.readAllLines(dataDirectory().resolve("postmaster.pid"));
        return Long.parseLong(lines.getFirst().trim());
    }
}
