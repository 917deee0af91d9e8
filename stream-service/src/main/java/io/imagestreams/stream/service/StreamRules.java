package io.imagestreams.stream.service;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.stream.config.StreamServiceConfig;
import io.imagestreams.stream.repository.StreamKey;
import io.imagestreams.stream.service.tags.ImageStreamStrategy;
import io.imagestreams.stream.service.tags.PullSpecs;
import io.imagestreams.stream.service.tags.RegistryHostnames;
import io.imagestreams.stream.service.tags.StreamLookup;
import io.imagestreams.stream.service.tags.TagHistory;
import io.imagestreams.stream.service.validation.ImageStreamValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenShift's image stream rules in the order the API server applies them (prepare, validate, resolve tags),
 * configured with this deployment's registry host names and tag limit.
 */
@ApplicationScoped
public class StreamRules {

    private final ImageStreamStrategy strategy;
    private final ImageStreamValidator validator;

    public StreamRules(StreamServiceConfig config, Clock clock) {
        this.strategy = new ImageStreamStrategy(
                new RegistryHostnames(config.registry().internalHostname(), config.registry().publicHostname()),
                () -> clock.instant().truncatedTo(ChronoUnit.SECONDS));
        this.validator = new ImageStreamValidator(config.maxSpecTags());
    }

    /** Status repositories as this deployment names them; applied to every stream a client reads. */
    public ImageStream decorate(ImageStream stream) {
        strategy.decorate(stream);
        return stream;
    }

    public List<FieldError> prepareAndValidateCreate(ImageStream requested) {
        strategy.prepareForCreate(requested);
        return validator.validateCreate(requested);
    }

    public List<FieldError> prepareAndValidateUpdate(ImageStream old, ImageStream requested) {
        strategy.prepareForUpdate(old, requested);
        return validator.validateUpdate(requested, old);
    }

    public List<FieldError> prepareAndValidateStatusUpdate(ImageStream old, ImageStream requested) {
        strategy.prepareForStatusUpdate(old, requested);
        return validator.validateStatusUpdate(requested, old);
    }

    /** For writes made by the service itself (mappings, istag writes, imports): status as given. */
    public void prepareInternalUpdate(ImageStream old, ImageStream stream) {
        strategy.prepareForInternalUpdate(old, stream);
    }

    public void prepareInternalCreate(ImageStream stream) {
        strategy.prepareForInternalCreate(stream);
    }

    /** OpenShift validates an internal create (an import creating its stream) as a user's create, status included. */
    public List<FieldError> validateInternalCreate(ImageStream stream) {
        return validator.validateCreate(stream);
    }

    /** OpenShift validates an internal update (an import) as a user's update, status included. */
    public List<FieldError> validateInternalUpdate(ImageStream old, ImageStream stream) {
        return validator.validateUpdate(stream, old);
    }

    public Set<StreamKey> referencedStreams(ImageStream old, ImageStream stream) {
        return strategy.referencedStreams(old, stream);
    }

    public List<FieldError> tagsChanged(ImageStream old, ImageStream stream, StreamLookup lookup) {
        return strategy.tagsChanged(old, stream, lookup);
    }

    public boolean importPending(ImageStream stream, String tag) {
        return TagHistory.importPending(stream, tag);
    }

    public Optional<String> resolvePullSpec(ImageStream stream, String tag) {
        return PullSpecs.resolvePullSpec(stream, tag);
    }
}
