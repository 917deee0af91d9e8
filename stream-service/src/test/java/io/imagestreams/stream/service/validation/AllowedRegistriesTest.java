package io.imagestreams.stream.service.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowedRegistriesTest {

    @ParameterizedTest
    @CsvSource({
            "quay.io, quay.io, true",
            "quay.io, quay.io:443, true",
            "quay.io, quay.io:5000, false",
            "quay.io:5000, quay.io:5000, true",
            "quay.io:5000, quay.io, false",
            "quay.io:80, quay.io, true",
            "quay.io:*, quay.io:8443, true",
            "*.redhat.io, registry.redhat.io, true",
            "*.redhat.io, redhat.io, false",
            "registry-?.example.com, registry-1.example.com:443, true",
            "Quay.io, quay.io, false",
            "docker.io, registry-1.docker.io:443, true",
            "docker.io, index.docker.io, true"})
    void matchesHostAndPortGlobsAsOpenShiftDoes(String entry, String registry, boolean allowed) {
        // given
        AllowedRegistries registries = AllowedRegistries.of(List.of(entry));

        // when / then
        assertThat(registries.allows(registry)).isEqualTo(allowed);
    }

    @Test
    void describesEntriesWithTheirPortsInOrder() {
        // given
        AllowedRegistries registries = AllowedRegistries.of(List.of("quay.io", "docker.io:443", "quay.io:443",
                "registry.local:5000"));

        // when / then
        assertThat(registries.describe()).isEqualTo("\"quay.io:443\", \"docker.io:443\", \"registry.local:5000\"");
    }

    @Test
    void countsWhatItDoesNotShowBeyondFiveEntries() {
        // given
        AllowedRegistries registries = AllowedRegistries.of(List.of("a.io", "b.io", "c.io", "d.io", "e.io", "f.io"));

        // when / then
        assertThat(registries.rejection("x.io")).isEqualTo("registry \"x.io\" not allowed by whitelist: \"a.io:443\","
                + " \"b.io:443\", \"c.io:443\", \"d.io:443\", and 2 more ...");
    }

    @Test
    void rejectsEverythingWhenEmpty() {
        // given
        AllowedRegistries registries = AllowedRegistries.of(List.of());

        // when / then
        assertThat(registries.allows("quay.io")).isFalse();
        assertThat(registries.rejection("quay.io")).isEqualTo("registry \"quay.io\" not allowed by empty whitelist");
    }

    @Test
    void refusesEntriesWithTwoPorts() {
        // when / then
        assertThatThrownBy(() -> AllowedRegistries.of(List.of("quay.io:443:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failed to parse allowed registry \"quay.io:443:1\": too many colons");
    }
}
