package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.imagestreams.api.json.EmptyListAsNull;
import io.imagestreams.api.json.ImageApiJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The history of one tag, newest first: {@code items[0]} is the current image. {@code items} has no
 * {@code omitempty} in Go and is written as {@code null} when empty.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"tag", "items", "conditions"})
public class NamedTagEventList {

    @JsonProperty("tag")
    private String tag = "";
    @JsonProperty("items")
    @JsonSerialize(converter = EmptyListAsNull.class)
    private List<TagEvent> items = new ArrayList<>();
    @JsonProperty("conditions")
    @JsonInclude(Include.NON_EMPTY)
    private List<TagEventCondition> conditions = new ArrayList<>();

    public NamedTagEventList() {
    }

    public static NamedTagEventList of(String tag, TagEvent... items) {
        NamedTagEventList history = new NamedTagEventList();
        history.setTag(tag);
        history.setItems(List.of(items));
        return history;
    }

    public NamedTagEventList withCondition(TagEventCondition condition) {
        conditions.add(condition);
        return this;
    }

    /** {@code items[0]}, the image the tag points at now. */
    public Optional<TagEvent> latest() {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = Objects.requireNonNullElse(tag, "");
    }

    /** Newest first; never {@code null}, and changes write through. */
    public List<TagEvent> getItems() {
        return items;
    }

    public void setItems(List<TagEvent> items) {
        this.items = items == null ? new ArrayList<>() : new ArrayList<>(items);
    }

    public List<TagEventCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<TagEventCondition> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof NamedTagEventList other
                && tag.equals(other.tag)
                && items.equals(other.items)
                && conditions.equals(other.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, items, conditions);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }
}
