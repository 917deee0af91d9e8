package io.imagestreams.infra;

/**
 * The line a server prints once it accepts work. The launcher (and the test resources) wait for it on the
 * child's output instead of polling ports, so "ready" means "databases created / topics exist", not just "bound".
 */
final class Ready {

    static final String MARKER = "IMAGESTREAMS-INFRA-READY";

    private Ready() {
    }

    static void announce(String server, int port) {
        System.out.println(MARKER + " server=" + server + " port=" + port);
        System.out.flush();
    }

    static void fail(String server, Throwable error) {
        System.err.println(server + " failed to start: " + error);
        error.printStackTrace(System.err);
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }
}
