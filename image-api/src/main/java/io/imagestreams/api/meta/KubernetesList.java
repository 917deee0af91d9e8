package io.imagestreams.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A Kubernetes list: type metadata, {@link ListMeta}, and {@code items}, which is always written. */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "items"})
public abstract class KubernetesList<T> {

    @JsonProperty("kind")
    @JsonInclude(Include.NON_EMPTY)
    private String kind;
    @JsonProperty("apiVersion")
    @JsonInclude(Include.NON_EMPTY)
    private String apiVersion;
    @JsonProperty("metadata")
    private ListMeta metadata = new ListMeta();
    @JsonProperty("items")
    private List<T> items = new ArrayList<>();

    protected KubernetesList(String kind, String apiVersion) {
        this.kind = kind;
        this.apiVersion = apiVersion;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public ListMeta getMetadata() {
        return metadata;
    }

    public void setMetadata(ListMeta metadata) {
        this.metadata = metadata == null ? new ListMeta() : metadata;
    }

    /** Never {@code null}, and changes write through. */
    public List<T> getItems() {
        return items;
    }

    public void setItems(List<T> items) {
        this.items = items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o != null && getClass() == o.getClass()
                && Objects.equals(kind, ((KubernetesList<?>) o).kind)
                && Objects.equals(apiVersion, ((KubernetesList<?>) o).apiVersion)
                && metadata.equals(((KubernetesList<?>) o).metadata)
                && items.equals(((KubernetesList<?>) o).items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, apiVersion, metadata, items);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
