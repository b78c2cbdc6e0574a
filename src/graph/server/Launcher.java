import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs the real Neo4j Community engine (the same kernel as the server distribution, which Maven Central
 * does not serve) with its Bolt connector, so neo4j-driver talks to it exactly as to a packaged server.
 * Run as a single-file program: java -cp "lib/*" Launcher.java. Configured by environment only.
 */
public class Launcher {
    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static DatabaseManagementServiceBuilder builder(Path home, Path plugins, long pageCacheMb, long txTimeoutSeconds) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                // The store's one user database (Community serves one): its name is fixed when the store is created.
                .setConfig(GraphDatabaseSettings.initial_default_database, env("AKHBAR_NEO4J_DATABASE", "neo4j"))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds));
    }

    private static void setCredentials(DatabaseManagementService dbms, String user, String password) {
        var system = dbms.database("system");
        if ("neo4j".equals(user)) {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } else {
            system.executeTransactionally(
                    "CREATE OR REPLACE USER `" + user + "` SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(env("AKHBAR_NEO4J_HOME", ".data/neo4j")).toAbsolutePath();
        String host = env("AKHBAR_NEO4J_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("AKHBAR_NEO4J_BOLT_PORT", "7687"));
        String user = env("NEO4J_USER", "neo4j");
        String password = env("NEO4J_PASSWORD", "akhbar-local");
        Path plugins = Path.of(env("AKHBAR_NEO4J_PLUGINS", home.resolve("plugins").toString()));
        long pageCacheMb = Long.parseLong(env("AKHBAR_NEO4J_PAGECACHE_MB", "512"));
        long txTimeoutSeconds = Long.parseLong(env("AKHBAR_NEO4J_TX_TIMEOUT_SECONDS", "60"));
        if (!user.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("NEO4J_USER must be letters, digits and _: " + user);
        }
        Files.createDirectories(home);

        // A fresh store only knows neo4j/neo4j. Set the configured credentials BEFORE Bolt listens: clients
        // polling in that window would fail to authenticate and trip Neo4j's lock-out of repeated failures.
        boolean fresh = !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
        if (fresh) {
            DatabaseManagementService setup = builder(home, plugins, pageCacheMb, txTimeoutSeconds)
                    .setConfig(BoltConnector.enabled, false)
                    .build();
            setCredentials(setup, user, password);
            setup.shutdown();
        }
        DatabaseManagementService dbms = builder(home, plugins, pageCacheMb, txTimeoutSeconds)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("akhbar-neo4j: shutting down");
            dbms.shutdown();
            System.out.println("akhbar-neo4j: stopped");
        }));
        if (!fresh) setCredentials(dbms, user, password); // the configured password may have changed
        System.out.println("akhbar-neo4j: ready on bolt://" + host + ":" + port);
        Thread.currentThread().join();
    }
}
