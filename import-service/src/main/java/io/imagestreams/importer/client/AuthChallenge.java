package io.imagestreams.importer.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code WWW-Authenticate} challenge a registry answered a 401 with: {@code Bearer realm="…",service="…",
 * scope="…"} or {@code Basic realm="…"}.
 *
 * @param scheme {@code bearer} or {@code basic}, lower case
 * @param params the auth parameters, keys lower case
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

    public static final String BEARER = "bearer";
    public static final String BASIC = "basic";

    public AuthChallenge {
        params = Map.copyOf(params);
    }

    /** The first Bearer or Basic challenge among the header values (Bearer preferred), if any. */
    public static Optional<AuthChallenge> parse(List<String> headerValues) {
        AuthChallenge basic = null;
        for (String value : headerValues) {
            for (AuthChallenge challenge : parseAll(value)) {
                if (BEARER.equals(challenge.scheme())) {
                    return Optional.of(challenge);
                }
                if (BASIC.equals(challenge.scheme()) && basic == null) {
                    basic = challenge;
                }
            }
        }
        return Optional.ofNullable(basic);
    }

    public boolean isBearer() {
        return BEARER.equals(scheme);
    }

    public boolean isBasic() {
        return BASIC.equals(scheme);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name)).filter(value -> !value.isEmpty());
    }

    /** The same challenge without its {@code scope}, which belongs to one request only. */
    public AuthChallenge withoutScope() {
        Map<String, String> rest = new LinkedHashMap<>(params);
        rest.remove("scope");
        return new AuthChallenge(scheme, rest);
    }

    /** RFC 7235 challenges: {@code scheme param="quoted, maybe with commas", param=token, Other …}. */
    static List<AuthChallenge> parseAll(String header) {
        List<AuthChallenge> challenges = new java.util.ArrayList<>();
        int i = 0;
        int n = header.length();
        String scheme = null;
        Map<String, String> params = new LinkedHashMap<>();
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && header.charAt(i) != ' ' && header.charAt(i) != '=' && header.charAt(i) != ',') {
                i++;
            }
            if (start == i) {
                break;
            }
            String word = header.substring(start, i);
            int afterWord = i;
            while (i < n && header.charAt(i) == ' ') {
                i++;
            }
            if (i < n && header.charAt(i) == '=' && scheme != null) {
                i++;
                while (i < n && header.charAt(i) == ' ') {
                    i++;
                }
                StringBuilder value = new StringBuilder();
                if (i < n && header.charAt(i) == '"') {
                    i++;
                    while (i < n && header.charAt(i) != '"') {
                        if (header.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        value.append(header.charAt(i++));
                    }
                    i++;
                } else {
                    while (i < n && header.charAt(i) != ',' && header.charAt(i) != ' ') {
                        value.append(header.charAt(i++));
                    }
                }
                params.put(word.toLowerCase(Locale.ROOT), value.toString());
            } else {
                if (scheme != null) {
                    challenges.add(new AuthChallenge(scheme, params));
                }
                scheme = word.toLowerCase(Locale.ROOT);
                params = new LinkedHashMap<>();
                i = afterWord;
            }
        }
        if (scheme != null) {
            challenges.add(new AuthChallenge(scheme, params));
        }
        return challenges;
    }
}
