package io.imagestreams.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL 17 from zonky's embedded binaries. With {@code --data-dir} the cluster lives there and survives
 * restarts; without it, a temporary cluster is created and removed on exit (tests).
 * Creates the role and each {@code --database} once, owned by that role.
 * Usage: {@code --port 15432 [--data-dir DIR] --user U --password P --database streams --database prune}.
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = new Args(argv);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(args.port("port", 0))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false);
            String dataDir = args.optional("data-dir", null);
            if (dataDir != null) {
                Path dir = Path.of(dataDir).toAbsolutePath();
                Files.createDirectories(dir.getParent());
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "postgres-shutdown"));
            createRoleAndDatabases(postgres, args.required("user"), args.required("password"),
                    args.all("database").toArray(String[]::new));
            Ready.announce("postgres", postgres.getPort());
            // nothing else keeps this JVM alive, and its exit would stop the server
            Thread.currentThread().join();
        } catch (Throwable e) {
            Ready.fail("postgres", e);
        }
    }

    private static void createRoleAndDatabases(EmbeddedPostgres postgres, String user, String password,
            String[] databases) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(s, "select 1 from pg_roles where rolname = '" + identifier(user) + "'")) {
                s.execute("create role \"" + identifier(user) + "\" login password '" + password.replace("'", "''") + "'");
            }
            for (String db : databases) {
                if (!exists(s, "select 1 from pg_database where datname = '" + identifier(db) + "'")) {
                    s.execute("create database \"" + identifier(db) + "\" owner \"" + identifier(user) + "\"");
                }
            }
        }
    }

    private static boolean exists(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            return rs.next();
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a simple lower-case identifier: " + name);
        }
        return name;
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("postgres did not stop cleanly: " + e);
        }
    }
}
