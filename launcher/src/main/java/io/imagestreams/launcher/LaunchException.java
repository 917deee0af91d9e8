package io.imagestreams.launcher;

/** A launch problem worth showing to the user as it is: the message names the process and the cause. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
