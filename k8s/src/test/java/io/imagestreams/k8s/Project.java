package io.imagestreams.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the manifests are checked against, read from the project's files (this module depends on no other): each
 * service's application.properties, {@code @ConfigMapping} interfaces, {@code @ConfigProperty} names and REST
 * paths, and a few files of the launcher and of this folder.
 */
final class Project {

    static final List<String> SERVICES = List.of("stream-service", "import-service", "trigger-service", "prune-service");

    /** Services that scale out; prune-service runs as one replica (see its Deployment). */
    static final List<String> SCALABLE = List.of("stream-service", "import-service", "trigger-service");

    /** The namespace the manifests install into. */
    static final String NAMESPACE = "imagestreams";

    /**
     * Framework keys a service may be given although neither its properties nor its code name them, by the
     * extension that reads them. Kept small on purpose: a key here must be one the extension documents.
     */
    private static final Map<String, List<String>> FRAMEWORK_KEYS = Map.of(
            "quarkus.mongodb.", List.of("quarkus.mongodb.credentials.username", "quarkus.mongodb.credentials.password",
                    "quarkus.mongodb.credentials.auth-source"),
            // a service that names its HTTPS port is given its certificate (Quarkus' HTTP server, TLS section)
            "quarkus.http.ssl-port", List.of("quarkus.http.ssl.certificate.files", "quarkus.http.ssl.certificate.key-files",
                    "quarkus.http.ssl.certificate.reload-period"));

    /** Set only for the local suite: production must keep the default (all interfaces). */
    private static final Set<String> LOCAL_ONLY_KEYS = Set.of("quarkus.http.host");

    private Project() {
    }

    static Path root() {
        String configured = System.getProperty("imagestreams.project.dir");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..");
        return dir.toAbsolutePath().normalize();
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variable Quarkus (SmallRye Config) reads a property from. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static Service service(String name) {
        return Service.load(name);
    }

    /** One service as its sources describe it. */
    record Service(String name, Path dir, Map<String, String> baseProperties, Map<String, Map<String, String>> profiles,
            Set<String> mappedKeys, Set<String> injectedKeys, List<String> restRoots) {

        static Service load(String name) {
            Path dir = root().resolve(name);
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> base = new LinkedHashMap<>();
            Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%")) {
                    int dot = key.indexOf('.');
                    profiles.computeIfAbsent(key.substring(1, dot), p -> new LinkedHashMap<>())
                            .put(key.substring(dot + 1), properties.getProperty(key));
                } else {
                    base.put(key, properties.getProperty(key));
                }
            }
            Set<String> mapped = new TreeSet<>();
            Set<String> injected = new TreeSet<>();
            List<String> roots = new ArrayList<>();
            for (Path source : files(dir.resolve("src/main/java"), ".java")) {
                String java = stripComments(read(source));
                mapped.addAll(ConfigMappings.keys(java));
                Matcher property = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"").matcher(java);
                while (property.find()) {
                    injected.add(property.group(1));
                }
                restRoot(java).ifPresent(roots::add);
            }
            return new Service(name, dir, base, profiles, mapped, injected, roots.stream().sorted().toList());
        }

        int httpPort() {
            return Integer.parseInt(baseProperties.get("quarkus.http.port"));
        }

        /** The HTTPS port, served when a certificate is given (Quarkus' default 8443 unless the properties say). */
        int httpsPort() {
            return Integer.parseInt(baseProperties.getOrDefault("quarkus.http.ssl-port", "8443"));
        }

        /** Every property the service knows: its properties in any profile, its config mappings and injections. */
        Set<String> knownKeys() {
            Set<String> keys = new TreeSet<>(baseProperties.keySet());
            profiles.values().forEach(p -> keys.addAll(p.keySet()));
            keys.addAll(mappedKeys);
            keys.addAll(injectedKeys);
            FRAMEWORK_KEYS.forEach((prefix, extra) -> {
                if (keys.stream().anyMatch(k -> k.startsWith(prefix))) {
                    keys.addAll(extra);
                }
            });
            return keys;
        }

        /**
         * Properties production must set: those the local suite's %dev profile sets and the base profile leaves
         * unset (the base profile names no address or credential), except the ones only the local suite needs.
         */
        Set<String> productionRequired() {
            Set<String> keys = new TreeSet<>(profiles.getOrDefault("dev", Map.of()).keySet());
            keys.removeAll(baseProperties.keySet());
            keys.removeAll(LOCAL_ONLY_KEYS);
            return keys;
        }

        /** Every Kafka topic the service's channels and dead-letter queues name. */
        Set<String> topics() {
            Set<String> topics = new TreeSet<>();
            baseProperties.forEach((key, value) -> {
                if (key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic"))) {
                    topics.add(value.trim());
                }
            });
            return topics;
        }

        /** The class-level {@code @Path} of a resource class, if the source is one. */
        private static Optional<String> restRoot(String java) {
            Matcher type = Pattern.compile("\\bclass\\s+\\w+").matcher(java);
            if (!type.find()) {
                return Optional.empty();
            }
            Matcher path = Pattern.compile("@Path\\(\\s*\"([^\"]*)\"\\s*\\)").matcher(java.substring(0, type.start()));
            return path.find() ? Optional.of(path.group(1)) : Optional.empty();
        }
    }

    static String stripComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    /** The keys of the {@code @ConfigMapping} interfaces in one source file, as kebab-case property names. */
    static final class ConfigMappings {

        private record Interface(String name, int start, int end) {
        }

        private record Method(String type, String name, int at) {
        }

        static Set<String> keys(String java) {
            Matcher mapping = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"").matcher(java);
            if (!mapping.find()) {
                return Set.of();
            }
            List<Interface> interfaces = new ArrayList<>();
            Matcher declaration = Pattern.compile("\\binterface\\s+(\\w+)[^{;]*\\{").matcher(java);
            while (declaration.find()) {
                interfaces.add(new Interface(declaration.group(1), declaration.end(), closingBrace(java, declaration.end())));
            }
            List<Method> methods = new ArrayList<>();
            Matcher method = Pattern.compile("(?m)^\\s*([\\w.<>\\[\\], ?]+?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;").matcher(java);
            while (method.find()) {
                methods.add(new Method(method.group(1).trim(), method.group(2), method.start(2)));
            }
            Interface root = interfaces.stream().filter(i -> i.start > mapping.end()).findFirst().orElseThrow();
            Set<String> keys = new LinkedHashSet<>();
            collect(root, mapping.group(1), interfaces, methods, keys);
            return keys;
        }

        private static void collect(Interface owner, String prefix, List<Interface> interfaces, List<Method> methods,
                Set<String> keys) {
            for (Method method : methods) {
                if (innermost(interfaces, method.at) != owner) {
                    continue;
                }
                String key = prefix + "." + kebab(method.name);
                String type = method.type.replaceAll("^Optional<(.*)>$", "$1");
                Interface group = interfaces.stream().filter(i -> i.name.equals(type)).findFirst().orElse(null);
                if (group != null) {
                    collect(group, key, interfaces, methods, keys);
                } else {
                    keys.add(key);
                }
            }
        }

        private static Interface innermost(List<Interface> interfaces, int at) {
            Interface found = null;
            for (Interface candidate : interfaces) {
                if (candidate.start <= at && at < candidate.end && (found == null || candidate.start > found.start)) {
                    found = candidate;
                }
            }
            return found;
        }

        private static int closingBrace(String java, int afterOpening) {
            int depth = 1;
            for (int i = afterOpening; i < java.length(); i++) {
                char c = java.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalStateException("unbalanced braces");
        }

        static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    }

    /** The environment variables the launcher gives import-service on top of its settings (its secrets). */
    static Set<String> launcherImportServiceEnvironment() {
        String java = stripComments(read(root().resolve("launcher/src/main/java/io/imagestreams/launcher/SuiteSecrets.java")));
        Matcher body = Pattern.compile("importServiceEnvironment\\(\\)\\s*\\{(.*?)\\n\\s*}", Pattern.DOTALL).matcher(java);
        if (!body.find()) {
            throw new IllegalStateException("SuiteSecrets.importServiceEnvironment() not found");
        }
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"").matcher(body.group(1));
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    /** The topic names image-api's Topics class declares (DESIGN §2). */
    static Set<String> declaredTopics() {
        String java = read(root().resolve("image-api/src/main/java/io/imagestreams/api/event/Topics.java"));
        Set<String> topics = new TreeSet<>();
        Matcher constant = Pattern.compile("static final String IMAGE_\\w+\\s*=\\s*\"([^\"]+)\"").matcher(java);
        while (constant.find()) {
            topics.add(constant.group(1));
        }
        return topics;
    }

    /** An RBAC rule flattened: one API group, one resource, one verb. */
    record Grant(String group, String resource, String verb) {
        @Override
        public String toString() {
            return (group.isEmpty() ? "core" : group) + "/" + resource + ":" + verb;
        }
    }

    /**
     * What prune-service's in-use check reads ({@code KubernetesWorkloads}): every {@code .list()} of the client,
     * as (group, resource) with the verbs get and list.
     */
    static Set<Grant> pruneWorkloadReads() {
        String java = stripComments(read(root().resolve(
                "prune-service/src/main/java/io/imagestreams/prune/client/KubernetesWorkloads.java")));
        Matcher read = Pattern.compile("kubernetes\\.(?:(apps|batch)\\(\\)\\.(?:v1\\(\\)\\.)?)?(\\w+)\\(\\)\\.inAnyNamespace\\(\\)\\.list\\(\\)")
                .matcher(java);
        Set<Grant> grants = new TreeSet<>(Comparator.comparing(Grant::toString));
        while (read.find()) {
            String group = read.group(1) == null ? "" : read.group(1);
            String resource = read.group(2).toLowerCase(Locale.ROOT);
            grants.add(new Grant(group, resource, "get"));
            grants.add(new Grant(group, resource, "list"));
        }
        return grants;
    }

    /**
     * The roles of stream-service's standalone mode ({@code Role.java}): role name → its rules as grants in
     * {@code image.openshift.io}. The aggregated mode's ClusterRoles must carry the same.
     */
    static Map<String, Set<Grant>> streamRoles() {
        String java = stripComments(read(root().resolve("stream-service/src/main/java/io/imagestreams/stream/auth/Role.java")));
        Map<String, Set<String>> ruleSets = new LinkedHashMap<>();
        Matcher set = Pattern.compile("static final Set<String> (\\w+) = (.*?);", Pattern.DOTALL).matcher(java);
        Pattern rules = Pattern.compile("rules\\(Set\\.of\\(([^)]*)\\)((?:\\s*,\\s*\"\\w+\")+)\\)");
        while (set.find()) {
            Set<String> pairs = new TreeSet<>();
            Matcher call = rules.matcher(set.group(2));
            while (call.find()) {
                for (String resource : quoted(call.group(1))) {
                    for (String verb : quoted(call.group(2))) {
                        pairs.add(resource + " " + verb);
                    }
                }
            }
            Matcher reference = Pattern.compile("\\b([A-Z][A-Z_]+)\\b").matcher(rules.matcher(set.group(2)).replaceAll(""));
            while (reference.find()) {
                pairs.addAll(ruleSets.getOrDefault(reference.group(1), Set.of()));
            }
            ruleSets.put(set.group(1), pairs);
        }
        Map<String, Set<Grant>> roles = new LinkedHashMap<>();
        Matcher role = Pattern.compile("\\b[A-Z_]+\\(\"([\\w-]+)\"((?:\\s*,\\s*Rules\\.\\w+)+)\\)").matcher(java);
        while (role.find()) {
            Set<Grant> grants = new TreeSet<>(Comparator.comparing(Grant::toString));
            Matcher name = Pattern.compile("Rules\\.(\\w+)").matcher(role.group(2));
            while (name.find()) {
                for (String pair : ruleSets.getOrDefault(name.group(1), Set.of())) {
                    String[] parts = pair.split(" ");
                    grants.add(new Grant("image.openshift.io", parts[0], parts[1]));
                }
            }
            roles.put(role.group(1), grants);
        }
        return roles;
    }

    private static List<String> quoted(String text) {
        List<String> values = new ArrayList<>();
        Matcher value = Pattern.compile("\"([^\"]*)\"").matcher(text);
        while (value.find()) {
            values.add(value.group(1));
        }
        return values;
    }

    /**
     * What stream-service asks of the Kubernetes API (the aggregated mode): SubjectAccessReviews it creates and
     * ConfigMaps it reads, found in its sources.
     */
    static Set<Grant> streamKubernetesCalls() {
        Set<Grant> grants = new TreeSet<>(Comparator.comparing(Grant::toString));
        for (Path source : files(root().resolve("stream-service/src/main/java"), ".java")) {
            String java = stripComments(read(source)).replaceAll("\\s+", "");
            if (java.contains(".authorization().v1().subjectAccessReview().create(")) {
                grants.add(new Grant("authorization.k8s.io", "subjectaccessreviews", "create"));
            }
            if (Pattern.compile("\\.configMaps\\(\\)\\.inNamespace\\([^;]*?\\.get\\(\\)").matcher(java).find()) {
                grants.add(new Grant("", "configmaps", "get"));
            }
        }
        return grants;
    }

    /** The Secrets k8s/create-secrets.sh creates: name → keys. */
    static Map<String, Set<String>> scriptSecrets() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^create\\s+(\\S+)\\s+(\\S+)\\s+(.*)$")
                .matcher(read(k8s().resolve("create-secrets.sh")));
        while (line.find()) {
            Set<String> keys = new TreeSet<>();
            Matcher pair = Pattern.compile("(?:^|\\s)([\\w.-]+)=(?:\"[^\"]*\"|\\S+)").matcher(line.group(3));
            while (pair.find()) {
                keys.add(pair.group(1));
            }
            secrets.put(line.group(1), keys);
        }
        return secrets;
    }

    /** The literal username create-secrets.sh gives a basic-auth Secret. */
    static String scriptUsername(String secret) {
        Matcher line = Pattern.compile("(?m)^create\\s+" + Pattern.quote(secret) + "\\s+\\S+\\s+username=(\\w+)\\s")
                .matcher(read(k8s().resolve("create-secrets.sh")));
        if (!line.find()) {
            throw new IllegalStateException("create-secrets.sh gives " + secret + " no literal username");
        }
        return line.group(1);
    }

    /**
     * The rows of the markdown table under a heading of k8s/README.md that starts with {@code heading}, as
     * (group, resource, verb) grants: columns API group, resources, verbs.
     */
    static Set<Grant> readmeRbacTable(String heading) {
        String readme = read(k8s().resolve("README.md"));
        int at = readme.indexOf("\n## " + heading);
        if (at < 0) {
            throw new IllegalStateException("k8s/README.md has no section '" + heading + "'");
        }
        String section = readme.substring(at + 1);
        int next = section.indexOf("\n## ");
        section = next < 0 ? section : section.substring(0, next);
        Set<Grant> grants = new TreeSet<>(Comparator.comparing(Grant::toString));
        for (String row : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = row.split("\\|");
            String group = cells[1].trim().replace("`", "").replace("\"\"", "").replaceAll("\\(core\\)", "").trim();
            for (String resource : cells[2].replace("`", "").split(",")) {
                for (String verb : cells[3].replace("`", "").split(",")) {
                    grants.add(new Grant(group, resource.trim(), verb.trim()));
                }
            }
        }
        return grants;
    }
}
