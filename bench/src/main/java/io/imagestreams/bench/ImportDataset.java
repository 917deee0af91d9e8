package io.imagestreams.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The tags the import benchmark pushes, imports and checks: {@code tags} tags spread over {@code repositories}
 * registry repositories {@code bench/app-00}, {@code bench/app-01}, ...; tag {@code i} lives in repository
 * {@code i % repositories} and is called {@code v<i / repositories + 1>}. Each repository has one image stream of
 * the same name ({@code app-00}, ...) in {@code namespace}, with one scheduled spec tag per pushed tag.
 */
record ImportDataset(String namespace, int repositories, int tags) {

    static final String REPOSITORY_PREFIX = "bench/";

    ImportDataset {
        if (repositories < 1 || tags < repositories) {
            throw new Options.UsageException("--tags must be at least --repositories (one tag per repository), got "
                    + tags + " tags over " + repositories + " repositories");
        }
    }

    static ImportDataset from(Options options) {
        return new ImportDataset(options.text("namespace", "bench"), options.integer("repositories", 20),
                options.integer("tags", 200));
    }

    String stream(int tag) {
        return String.format("app-%02d", tag % repositories);
    }

    String streamOf(int repository) {
        return String.format("app-%02d", repository);
    }

    String repository(int tag) {
        return REPOSITORY_PREFIX + stream(tag);
    }

    String tag(int tag) {
        return "v" + (tag / repositories + 1);
    }

    /** The tags of one repository (and its stream), by index. */
    List<Integer> tagsOf(int repository) {
        List<Integer> indexes = new ArrayList<>();
        for (int tag = repository; tag < tags; tag += repositories) {
            indexes.add(tag);
        }
        return indexes;
    }

    /** {@code stream:tag}, as schedules and imagestreamtags name a tag. */
    String key(int tag) {
        return stream(tag) + ":" + tag(tag);
    }

    /** The pull spec a spec tag imports: {@code 127.0.0.1:<port>/bench/app-00:v1}. */
    String pullSpec(String registryHostPort, int tag) {
        return registryHostPort + "/" + repository(tag) + ":" + tag(tag);
    }

    /** The config label that makes the image pushed as {@code generation} of a tag differ from the others. */
    String variant(int tag, int generation) {
        return key(tag) + "#" + generation;
    }

    String streamsPath() {
        return Dataset.API + "/namespaces/" + namespace + "/imagestreams";
    }

    String imageStreamTagPath(int tag) {
        return Dataset.API + "/namespaces/" + namespace + "/imagestreamtags/" + key(tag);
    }

    String describe() {
        return tags + " tags over " + repositories + " repositories (bench/app-00 ...), one image stream per repository in"
                + " namespace " + namespace;
    }
}
