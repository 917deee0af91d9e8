package io.imagestreams.trigger.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.trigger.testing.Configs;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {

    private final List<String> lookups = new ArrayList<>();

    private TargetPolicy policy(Map<String, String> properties, Map<String, String> dns) {
        HostResolver resolver = host -> {
            lookups.add(host);
            String address = dns.get(host);
            if (address == null) {
                if (Cidr.isLiteral(host)) {
                    return List.of(InetAddress.getByName(host));
                }
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(address));
        };
        return new TargetPolicy(resolver, Configs.with(properties));
    }

    @Test
    void publicPrivateAndLoopbackAddressesAreAllowed() {
        TargetPolicy policy = policy(Map.of(), Map.of("hooks.example.com", "203.0.113.7"));
        for (String url : List.of("https://hooks.example.com/x", "http://10.1.2.3/", "http://192.168.0.1:8080/",
                "http://127.0.0.1:9000/", "http://[::1]/")) {
            assertThat(policy.check(URI.create(url), false).allowed()).as(url).isTrue();
        }
    }

    @Test
    void linkLocalMetadataUnspecifiedAndMulticastAreRefused() {
        TargetPolicy policy = policy(Map.of(), Map.of());
        for (String url : List.of("http://169.254.169.254/", "http://169.254.0.1/", "http://[fe80::1%25eth0]/",
                "http://[febf::1]/", "http://[fd00:ec2::254]/", "http://0.0.0.0/", "http://[::]/", "http://224.0.0.251/",
                "http://[ff02::1]/", "http://255.255.255.255/", "http://[::ffff:169.254.169.254]/")) {
            TargetPolicy.Decision decision = policy.check(URI.create(url), false);
            assertThat(decision.allowed()).as(url).isFalse();
            assertThat(decision.reason()).as(url).contains("blocked range");
        }
    }

    @Test
    void everyAddressANameResolvesToIsChecked() {
        TargetPolicy policy = policy(Map.of(), Map.of("metadata.example.com", "169.254.169.254"));
        TargetPolicy.Decision decision = policy.check(URI.create("http://Metadata.Example.com./latest"), false);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(
                "host metadata.example.com resolves to 169.254.169.254, which is in the blocked range 169.254.0.0/16");
    }

    @Test
    void configuredListsWidenOrNarrowThePolicy() {
        TargetPolicy policy = policy(Map.of(
                "imagestreams.webhooks.targets.allowed-cidrs", "169.254.10.0/24",
                "imagestreams.webhooks.targets.blocked-cidrs", "10.0.0.0/8",
                "imagestreams.webhooks.targets.allowed-hosts", "*.metadata.internal",
                "imagestreams.webhooks.targets.blocked-hosts", "*.evil.example,exact.example"),
                Map.of("a.metadata.internal", "169.254.169.254"));
        assertThat(policy.check(URI.create("http://169.254.10.5/"), false).allowed()).isTrue();
        assertThat(policy.check(URI.create("http://169.254.11.5/"), false).allowed()).isFalse();
        assertThat(policy.check(URI.create("http://10.9.9.9/"), false).allowed()).isFalse();
        assertThat(policy.check(URI.create("http://a.metadata.internal/"), false).allowed()).isTrue();
        assertThat(policy.check(URI.create("http://x.y.evil.example/"), false).allowed()).isFalse();
        assertThat(policy.check(URI.create("http://evil.example/"), false).allowed()).isFalse();
        assertThat(policy.check(URI.create("http://exact.example/"), false).allowed()).isFalse();
        assertThat(lookups).doesNotContain("x.y.evil.example", "exact.example");
    }

    @Test
    void anUnresolvableNamePassesOnlyAtRegistration() {
        TargetPolicy policy = policy(Map.of(), Map.of());
        assertThat(policy.check(URI.create("http://nowhere.invalid/"), true).allowed()).isTrue();
        assertThat(policy.check(URI.create("http://nowhere.invalid/"), false).allowed()).isFalse();
    }
}
