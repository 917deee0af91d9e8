package io.imagestreams.bench;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection of one virtual user, on a plain blocking socket: writes a prepared request,
 * reads the status, the headers and the whole body (by Content-Length, chunked, or to the end of the connection)
 * and reconnects when the server closes. It is far lighter than the JDK {@code HttpClient}, which matters when
 * the load generator shares two cores with the servers it measures.
 */
final class Http11Connection implements Closeable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress address;
    private final byte[] buffer = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int position;
    private int limit;

    Http11Connection(String host, int port) {
        this.address = new InetSocketAddress(host, port);
    }

    /** A request with no body; {@code headers} are complete lines ending in CRLF. */
    static byte[] request(String method, String path, String hostHeader, String headers) {
        return (method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: imagestreams-bench\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends {@code request} and reads the answer to its end; returns the status code. */
    int exchange(byte[] request, boolean head) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse(head);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket connection = new Socket();
        connection.setTcpNoDelay(true);
        connection.setSoTimeout(TIMEOUT_MILLIS);
        connection.connect(address, TIMEOUT_MILLIS);
        socket = connection;
        in = connection.getInputStream();
        out = connection.getOutputStream();
        position = 0;
        limit = 0;
    }

    private int readResponse(boolean head) throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: '" + statusLine + "'");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closes = statusLine.startsWith("HTTP/1.0");
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closes = value.contains("close") || (closes && !value.contains("keep-alive"));
                default -> {
                }
            }
        }
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            // no body
        } else if (chunked) {
            skipChunks();
        } else if (contentLength >= 0) {
            skip(contentLength);
        } else {
            skipToEnd();
            closes = true;
        }
        if (closes) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return;
            }
            skip(size);
            if (!readLine().isEmpty()) {
                throw new IOException("a chunk did not end with CRLF");
            }
        }
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            if (position == limit) {
                fill();
            }
            int step = (int) Math.min(left, limit - position);
            position += step;
            left -= step;
        }
    }

    private void skipToEnd() throws IOException {
        position = limit;
        while (in.read(buffer) >= 0) {
            // the body ends with the connection
        }
        limit = 0;
        position = 0;
    }

    /** One line without its CRLF; headers are ASCII. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (position == limit) {
                fill();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xff));
        }
    }

    private void fill() throws IOException {
        int read = in.read(buffer);
        if (read < 0) {
            throw new EOFException("the server closed the connection mid-response");
        }
        position = 0;
        limit = read;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
