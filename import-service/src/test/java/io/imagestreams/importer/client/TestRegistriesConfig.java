package io.imagestreams.importer.client;

import io.imagestreams.importer.config.ImportServiceConfig.RegistriesConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link RegistriesConfig} for plain JUnit tests: the mapping's defaults, changed one field at a time. */
record TestRegistriesConfig(List<String> allowedHosts, List<String> insecureHosts, List<String> blocked,
        List<String> allowedRanges, int maxConcurrent, Duration connect, Duration request, String platform,
        int pageSize) implements RegistriesConfig {

    static TestRegistriesConfig defaults() {
        return new TestRegistriesConfig(List.of(), List.of(), List.of(), List.of(), 8, Duration.ofSeconds(5),
                Duration.ofSeconds(30), "linux/amd64", 100);
    }

    TestRegistriesConfig withAllowed(List<String> hosts) {
        return new TestRegistriesConfig(hosts, insecureHosts, blocked, allowedRanges, maxConcurrent, connect, request,
                platform, pageSize);
    }

    TestRegistriesConfig withInsecure(List<String> hosts) {
        return new TestRegistriesConfig(allowedHosts, hosts, blocked, allowedRanges, maxConcurrent, connect, request,
                platform, pageSize);
    }

    TestRegistriesConfig withBlockedCidrs(List<String> cidrs) {
        return new TestRegistriesConfig(allowedHosts, insecureHosts, cidrs, allowedRanges, maxConcurrent, connect,
                request, platform, pageSize);
    }

    TestRegistriesConfig withAllowedCidrs(List<String> cidrs) {
        return new TestRegistriesConfig(allowedHosts, insecureHosts, blocked, cidrs, maxConcurrent, connect, request,
                platform, pageSize);
    }

    TestRegistriesConfig withLimits(int maxConcurrentPerRegistry, Duration requestTimeout) {
        return new TestRegistriesConfig(allowedHosts, insecureHosts, blocked, allowedRanges, maxConcurrentPerRegistry,
                connect, requestTimeout, platform, pageSize);
    }

    TestRegistriesConfig withDefaultPlatform(String defaultPlatform) {
        return new TestRegistriesConfig(allowedHosts, insecureHosts, blocked, allowedRanges, maxConcurrent, connect,
                request, defaultPlatform, pageSize);
    }

    TestRegistriesConfig withPageSize(int size) {
        return new TestRegistriesConfig(allowedHosts, insecureHosts, blocked, allowedRanges, maxConcurrent, connect,
                request, platform, size);
    }

    @Override
    public Optional<List<String>> allowed() {
        return Optional.of(allowedHosts);
    }

    @Override
    public Optional<List<String>> insecure() {
        return Optional.of(insecureHosts);
    }

    @Override
    public Optional<List<String>> blockedCidrs() {
        return Optional.of(blocked);
    }

    @Override
    public Optional<List<String>> allowedCidrs() {
        return Optional.of(allowedRanges);
    }

    @Override
    public int maxConcurrentPerRegistry() {
        return maxConcurrent;
    }

    @Override
    public Duration connectTimeout() {
        return connect;
    }

    @Override
    public Duration requestTimeout() {
        return request;
    }

    @Override
    public String defaultPlatform() {
        return platform;
    }

    @Override
    public int tagsPageSize() {
        return pageSize;
    }
}
