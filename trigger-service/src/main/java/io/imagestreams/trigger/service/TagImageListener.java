package io.imagestreams.trigger.service;

import io.imagestreams.trigger.repository.TagImage;

/** Something besides webhooks that follows tags (workload triggers): told about every new current image. */
public interface TagImageListener {

    void onTagImage(TagImage tag);
}
