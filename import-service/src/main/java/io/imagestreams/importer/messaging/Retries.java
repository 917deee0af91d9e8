package io.imagestreams.importer.messaging;

import java.time.Duration;

/** Retries a store write a few times before a message is given up on, so a short MongoDB hiccup loses nothing. */
final class Retries {

    private static final int ATTEMPTS = 5;
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);

    private Retries() {
    }

    static void withBackoff(Runnable work) {
        Duration wait = FIRST_WAIT;
        for (int attempt = 1;; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2);
            }
        }
    }
}
