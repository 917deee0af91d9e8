package io.imagestreams.stream.service.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes' name rules ({@code k8s.io/apimachinery/pkg/util/validation} and {@code api/validation/path}), each
 * returning the reasons a value breaks the rule, worded as Kubernetes words them; an empty list means valid.
 * Lengths are counted in UTF-8 bytes, as Go's {@code len} counts them.
 */
public final class KubernetesNames {

    public static final int DNS1123_LABEL_MAX_LENGTH = 63;
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
    public static final int LABEL_VALUE_MAX_LENGTH = 63;

    private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_LABEL_ERR = "a lowercase RFC 1123 label must consist of lower case"
            + " alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    private static final String DNS1123_SUBDOMAIN_ERR = "a lowercase RFC 1123 subdomain must consist of lower case"
            + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String QUALIFIED_NAME_ERR = "must consist of alphanumeric characters, '-', '_' or '.', and"
            + " must start and end with an alphanumeric character";
    private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
    private static final String LABEL_VALUE_ERR = "a valid label must be an empty string or consist of alphanumeric"
            + " characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    private KubernetesNames() {
    }

    /** {@code IsDNS1123Label}, the rule for namespace names. */
    public static List<String> dns1123Label(String value) {
        List<String> reasons = new ArrayList<>();
        if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) {
            reasons.add(maxLength(DNS1123_LABEL_MAX_LENGTH));
        }
        if (!isDns1123Label(value)) {
            if (isDns1123Subdomain(value)) {
                // a valid subdomain that is no valid label can only be wrong by its dots
                reasons.add("must not contain dots");
            } else {
                reasons.add(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, "my-name", "123-abc"));
            }
        }
        return reasons;
    }

    /** {@code IsDNS1123Subdomain}, the rule for the prefix of qualified names. */
    public static List<String> dns1123Subdomain(String value) {
        List<String> reasons = new ArrayList<>();
        if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            reasons.add(maxLength(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!isDns1123Subdomain(value)) {
            reasons.add(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com"));
        }
        return reasons;
    }

    /** {@code IsQualifiedName}: {@code [prefix/]name}, the rule for label keys, annotation keys and finalizers. */
    public static List<String> qualifiedName(String value) {
        List<String> reasons = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        switch (parts.length) {
            case 1 -> name = parts[0];
            case 2 -> {
                String prefix = parts[0];
                name = parts[1];
                if (prefix.isEmpty()) {
                    reasons.add("prefix part must be non-empty");
                } else {
                    dns1123Subdomain(prefix).forEach(reason -> reasons.add("prefix part " + reason));
                }
            }
            default -> {
                reasons.add("a qualified name " + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName",
                        "my.name", "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g."
                        + " 'example.com/MyName')");
                return reasons;
            }
        }
        if (name.isEmpty()) {
            reasons.add("name part must be non-empty");
        } else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH) {
            reasons.add("name part " + maxLength(QUALIFIED_NAME_MAX_LENGTH));
        }
        if (!isQualifiedName(name)) {
            reasons.add("name part " + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name",
                    "123-abc"));
        }
        return reasons;
    }

    /** {@code IsValidLabelValue}. */
    public static List<String> labelValue(String value) {
        List<String> reasons = new ArrayList<>();
        if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) {
            reasons.add(maxLength(LABEL_VALUE_MAX_LENGTH));
        }
        if (!value.isEmpty() && !isQualifiedName(value)) {
            reasons.add(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return reasons;
    }

    /**
     * {@code ValidatePathSegmentName}: a name that can be one segment of a REST path. A prefix (a
     * {@code generateName}) is not checked against {@code .} and {@code ..}, which a suffix makes harmless.
     */
    public static List<String> pathSegment(String name, boolean prefix) {
        if (!prefix && (name.equals(".") || name.equals(".."))) {
            return List.of("may not be '" + name + "'");
        }
        List<String> reasons = new ArrayList<>();
        for (String illegal : List.of("/", "%")) {
            if (name.contains(illegal)) {
                reasons.add("may not contain '" + illegal + "'");
            }
        }
        return reasons;
    }

    // The formats above are checked by scanning rather than with java.util.regex: annotation keys may be
    // hundreds of kilobytes long, and a backtracking matcher is not linear on these patterns as Go's RE2 is.

    private static boolean isDns1123Label(String value) {
        return isDelimitedRun(value, KubernetesNames::isLowerAlphanumeric,
                c -> isLowerAlphanumeric(c) || c == '-');
    }

    private static boolean isDns1123Subdomain(String value) {
        for (String label : value.split("\\.", -1)) {
            if (!isDns1123Label(label)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isQualifiedName(String value) {
        return isDelimitedRun(value, KubernetesNames::isAlphanumeric,
                c -> isAlphanumeric(c) || c == '-' || c == '_' || c == '.');
    }

    /** Non-empty, starting and ending with an {@code edge} character, every other character an {@code inner} one. */
    private static boolean isDelimitedRun(String value, CharRule edge, CharRule inner) {
        int length = value.length();
        if (length == 0 || !edge.test(value.charAt(0)) || !edge.test(value.charAt(length - 1))) {
            return false;
        }
        for (int i = 1; i < length - 1; i++) {
            if (!inner.test(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isAlphanumeric(char c) {
        return isLowerAlphanumeric(c) || c >= 'A' && c <= 'Z';
    }

    @FunctionalInterface
    private interface CharRule {
        boolean test(char c);
    }

    static int byteLength(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String maxLength(int length) {
        return "must be no more than " + length + " characters";
    }

    /** {@code RegexError}, including its odd {@code ',  or '} spacing between examples. */
    private static String regexError(String message, String format, String... examples) {
        StringBuilder out = new StringBuilder(message).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                out.append(" or ");
            }
            out.append('\'').append(examples[i]).append("', ");
        }
        return out.append("regex used for validation is '").append(format).append("')").toString();
    }
}
