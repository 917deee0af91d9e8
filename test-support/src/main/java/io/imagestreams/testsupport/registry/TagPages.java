package io.imagestreams.testsupport.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pages a full {@code tags/list} answer by the request's {@code n} and {@code last}, tags in lexical order. */
final class TagPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TagPages() {
    }

    /** The path without query: the registry is asked for every tag. */
    static String withoutPaging(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    static RecordingProxy.ProxiedResponse page(String path, RecordingProxy.ProxiedResponse response) {
        if (response.status() != 200) {
            return response;
        }
        Map<String, String> query = query(URI.create(path).getRawQuery());
        if (!query.containsKey("n")) {
            return response;
        }
        int n = Integer.parseInt(query.get("n"));
        String last = query.getOrDefault("last", "");
        try {
            JsonNode body = JSON.readTree(response.body());
            List<String> tags = new ArrayList<>();
            body.path("tags").forEach(tag -> tags.add(tag.asText()));
            List<String> after = tags.stream().sorted().filter(tag -> tag.compareTo(last) > 0).toList();
            List<String> page = after.subList(0, Math.min(n, after.size()));
            Map<String, Object> paged = new LinkedHashMap<>();
            paged.put("name", body.path("name").asText());
            paged.put("tags", page);
            RecordingProxy.ProxiedResponse result = response.withBody(JSON.writeValueAsBytes(paged));
            if (after.size() > page.size()) {
                String base = withoutPaging(path);
                result = result.withHeader("Link", "<" + base + "?last="
                        + URLEncoder.encode(page.get(page.size() - 1), StandardCharsets.UTF_8) + "&n=" + n
                        + ">; rel=\"next\"");
            }
            return result;
        } catch (IOException e) {
            return response;
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                params.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
