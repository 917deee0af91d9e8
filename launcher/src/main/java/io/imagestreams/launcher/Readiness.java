package io.imagestreams.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/** Quick checks whether a component on the loopback interface answers. */
final class Readiness {

    static final String READY_PATH = "/q/health/ready";

    private Readiness() {
    }

    static String serviceUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** True when the service's readiness endpoint answers 200 within {@code timeout}. */
    static boolean serviceReady(int port, Duration timeout) {
        return answersOk(URI.create(serviceUrl(port) + READY_PATH), timeout);
    }

    /** True when the registry's API base ({@code /v2/}) answers 200 within {@code timeout}. */
    static boolean registryReady(int port, Duration timeout) {
        return answersOk(URI.create("http://127.0.0.1:" + port + "/v2/"), timeout);
    }

    private static boolean answersOk(URI url, Duration timeout) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            int status = connection.getResponseCode();
            // drain the body so the connection can be reused instead of lingering
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** True when something accepts TCP connections on the port within {@code timeout}. */
    static boolean accepting(int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
