package io.imagestreams.stream.rest.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableNegotiationTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // kubectl 1.20 to 1.33, list and get
        "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json",
        "application/json;as=Table;v=v1;g=meta.k8s.io",
        "application/json;as=Table;g=meta.k8s.io;v=v1, application/json;q=0.9",
        // a more specific range outranks plain JSON of the same quality, as on the API server
        "application/json, application/json;as=Table;v=v1;g=meta.k8s.io",
        // protobuf tables are not served, the JSON one is
        "application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1;g=meta.k8s.io",
        // a wildcard range with Table parameters
        "*/*;as=Table;v=v1;g=meta.k8s.io"})
    void findsTheV1TableRequest(String accept) {
        assertThat(TableNegotiation.requestedTable(accept)).contains(TableVersion.V1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json | V1BETA1",
        "application/json;as=Table;v=v2;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io | V1BETA1",
        "application/json;as=Table;v=v1;g=meta.k8s.io;q=0.1,application/json;as=Table;v=v1beta1;g=meta.k8s.io | V1BETA1"})
    void takesTheFirstSupportedVersionInPreferenceOrder(String accept, TableVersion expected) {
        assertThat(TableNegotiation.requestedTable(accept)).contains(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "application/json",
        "*/*",
        "application/json;q=1,application/json;as=Table;v=v1;g=meta.k8s.io;q=0.5",
        "application/json;as=Table;v=v1;g=meta.k8s.io;q=0,application/json",
        // client-go's metadata client: not a Table, and plain JSON is the fallback it offers
        "application/vnd.kubernetes.protobuf;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,"
                + "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json",
        "application/json;as=Table;v=v1;g=example.com,application/json",
        "application/json;as=Table;g=meta.k8s.io",
        "application/yaml"})
    void servesThePlainObjectOtherwise(String accept) {
        assertThat(TableNegotiation.requestedTable(accept)).isEqualTo(Optional.empty());
    }
}
