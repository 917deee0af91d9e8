package io.imagestreams.testsupport.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;

/**
 * A loopback port in front of a plain-HTTP test server ({@code com.sun.net.httpserver}, which would wait for a
 * request line): relays each connection to the server's port, and closes one that opens with a TLS hello at once,
 * so a client probing HTTPS first falls back to plain HTTP without waiting for a timeout.
 */
final class PlainHttpFront implements AutoCloseable {

    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    private final ServerSocket front;
    private final int backendPort;
    private final ExecutorService threads;

    PlainHttpFront(int backendPort, ExecutorService threads) throws IOException {
        this.backendPort = backendPort;
        this.threads = threads;
        this.front = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        threads.execute(this::acceptLoop);
    }

    int port() {
        return front.getLocalPort();
    }

    @Override
    public void close() {
        try {
            front.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void acceptLoop() {
        while (!front.isClosed()) {
            try {
                Socket client = front.accept();
                threads.execute(() -> relay(client));
            } catch (IOException e) {
                if (front.isClosed()) {
                    return;
                }
            }
        }
    }

    private void relay(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            int first = in.read();
            if (first < 0 || first == TLS_HANDSHAKE_RECORD) {
                return;
            }
            try (Socket inner = new Socket(InetAddress.getByName("127.0.0.1"), backendPort)) {
                OutputStream toServer = inner.getOutputStream();
                toServer.write(first);
                toServer.flush();
                threads.execute(() -> pipe(inner, client));
                pipe(client, inner);
            }
        } catch (IOException e) {
            // the client or the server went away: nothing to relay any more
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed; the other direction ends on its own
        }
    }
}
