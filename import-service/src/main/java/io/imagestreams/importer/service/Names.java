package io.imagestreams.importer.service;

import java.util.regex.Pattern;

/** The name rules import-service's API checks: namespaces are DNS-1123 labels, as in Kubernetes. */
final class Names {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private Names() {
    }

    static void requireNamespace(String namespace) {
        if (namespace == null || !DNS_1123_LABEL.matcher(namespace).matches()) {
            throw ApiException.badRequest("namespace", "\"" + namespace + "\" is not a valid namespace: a lowercase"
                    + " RFC 1123 label of at most 63 characters");
        }
    }
}
