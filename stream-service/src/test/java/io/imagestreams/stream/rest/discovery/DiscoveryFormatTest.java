package io.imagestreams.stream.rest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiscoveryFormatTest {

    static final String KUBECTL_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        KUBECTL_ACCEPT + " | AGGREGATED_V2",
        "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json | AGGREGATED_V2BETA1",
        "application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,"
                + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList | AGGREGATED_V2BETA1",
        "application/json;as=APIGroupDiscoveryList;v=v2;g=apidiscovery.k8s.io | AGGREGATED_V2"})
    void servesAggregatedDiscoveryWhenAskedFor(String accept, DiscoveryFormat expected) {
        assertThat(DiscoveryFormat.negotiate(accept)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "*/*", "application/json", "application/json, */*",
        "application/json;q=1,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList;q=0.5",
        "application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json",
        "application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList"})
    void servesTheLegacyFormOtherwise(String accept) {
        assertThat(DiscoveryFormat.negotiate(accept)).isEqualTo(DiscoveryFormat.LEGACY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LEGACY | application/json",
        "AGGREGATED_V2 | application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList",
        "AGGREGATED_V2BETA1 | application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"})
    void namesTheFormItServesInTheContentType(DiscoveryFormat format, String contentType) {
        assertThat(format.contentType()).isEqualTo(contentType);
    }
}
