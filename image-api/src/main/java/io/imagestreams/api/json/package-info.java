/** JSON support shared by every service: the configured mapper, the RFC 3339 timestamp format and Go durations. */
package io.imagestreams.api.json;
