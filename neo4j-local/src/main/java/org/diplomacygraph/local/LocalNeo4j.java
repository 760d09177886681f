package org.diplomacygraph.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with only its Bolt connector, for development and tests on machines
 * without Docker. Prints "READY bolt://127.0.0.1:PORT" once the database answers a query, and shuts
 * down cleanly on SIGTERM/SIGINT or when its standard input closes, so it never outlives the Node
 * process that started it (even one killed with SIGKILL).
 *
 * <p>Arguments: --port N --data-dir DIR [--pagecache-mb N] [--apoc-dir DIR]
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    int port = 7687;
    Path dataDir = null;
    long pageCacheMb = 64;
    Path apocDir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
        case "--pagecache-mb" -> pageCacheMb = Long.parseLong(args[++i]);
        case "--apoc-dir" -> apocDir = Path.of(args[++i]).toAbsolutePath();
        default -> {
          System.err.println("Unknown argument: " + args[i]);
          System.exit(2);
        }
      }
    }
    if (dataDir == null) {
      System.err.println("--data-dir is required");
      System.exit(2);
    }
    Files.createDirectories(dataDir);

    DatabaseManagementServiceBuilder builder =
        new DatabaseManagementServiceBuilder(dataDir)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(
                BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            // Auth is off only because Bolt listens on loopback: nothing off this machine can reach it.
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
            // A read that carries a bookmark waits for that transaction while holding a connection;
            // the API only accepts bookmarks it issued, and this bounds the wait for any of them.
            .setConfig(GraphDatabaseSettings.bookmark_ready_timeout, Duration.ofSeconds(3))
            // Bolt waits 5 s twice on shutdown by default; a local database has no clients to wait for.
            .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500));
    if (apocDir != null) {
      builder
          .setConfig(GraphDatabaseSettings.plugin_dir, apocDir)
          .setConfig(GraphDatabaseSettings.procedure_unrestricted, java.util.List.of("apoc.*"));
    }

    DatabaseManagementService service = builder.build();
    AtomicBoolean stopped = new AtomicBoolean(false);
    CountDownLatch done = new CountDownLatch(1);
    Runnable shutdown =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            service.shutdown();
            done.countDown();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-shutdown"));

    GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
      System.err.println("Neo4j did not become available within 2 minutes");
      System.exit(1);
    }
    db.executeTransactionally("RETURN 1");
    System.out.println("READY bolt://127.0.0.1:" + port);
    System.out.flush();

    // The parent holds our stdin open; EOF means it is gone, so we go too.
    Thread stdinWatch =
        new Thread(
            () -> {
              try (InputStream in = System.in) {
                while (in.read() != -1) {
                  // ignore input; we only wait for end of stream
                }
              } catch (IOException ignored) {
                // treat a broken pipe like end of stream
              }
              System.exit(0);
            },
            "stdin-watch");
    stdinWatch.setDaemon(true);
    stdinWatch.start();
    done.await();
  }
}
