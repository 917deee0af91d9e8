package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;

/**
 * {@code version.Info}, the answer to {@code GET /version}. kubectl compares {@code gitVersion} with its own to
 * warn about skew, and the google-cloud-sdk kubectl dispatcher picks the matching kubectl from it; fabric8 parses
 * {@code buildDate} as {@code yyyy-MM-dd'T'HH:mm:ss'Z'}, so it must keep that form.
 */
@JsonPropertyOrder({"major", "minor", "gitVersion", "gitCommit", "gitTreeState", "buildDate", "goVersion",
        "compiler", "platform"})
public record VersionInfo(String major, String minor, String gitVersion, String gitCommit, String gitTreeState,
        String buildDate, String goVersion, String compiler, String platform) {

    /** The Kubernetes release whose API behaviour this server follows (OpenShift 4.19 runs on it). */
    public static final String KUBERNETES_VERSION = "v1.32.0";

    /**
     * This server's version. Commit and build date are what Kubernetes reports for an unstamped build; the Go
     * fields stay empty because no Go toolchain built this server.
     */
    public static VersionInfo current() {
        String[] parts = KUBERNETES_VERSION.substring(1).split("\\.");
        return new VersionInfo(parts[0], parts[1], KUBERNETES_VERSION, "", "", "1970-01-01T00:00:00Z", "", "",
                platform(System.getProperty("os.name", ""), System.getProperty("os.arch", "")));
    }

    /** Go's {@code GOOS/GOARCH} names for the running JVM's platform, e.g. {@code linux/amd64}. */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            os = "windows";
        } else if (os.startsWith("mac")) {
            os = "darwin";
        }
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return os + "/" + arch;
    }
}
