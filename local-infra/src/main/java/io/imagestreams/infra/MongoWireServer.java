package io.imagestreams.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire server (mongo-java-server). With {@code --data-file} it persists to an H2 file so the local
 * suite keeps its data across restarts; without it, it keeps everything in memory (tests).
 * Usage: {@code --port 27117 [--data-file /path/mongo.mv]}; port 0 picks a free port.
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] argv) {
        try {
            Args args = new Args(argv);
            String dataFile = args.optional("data-file", null);
            MongoBackend backend;
            if (dataFile == null) {
                backend = new MemoryBackend();
            } else {
                Path file = Path.of(dataFile).toAbsolutePath();
                Files.createDirectories(file.getParent());
                backend = new H2Backend(file.toString());
            }
            MongoServer server = new MongoServer(backend);
            server.bind("127.0.0.1", args.port("port", 0));
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-shutdown"));
            Ready.announce("mongo", ((InetSocketAddress) server.getLocalAddress()).getPort());
        } catch (Throwable e) {
            Ready.fail("mongo", e);
        }
    }
}
