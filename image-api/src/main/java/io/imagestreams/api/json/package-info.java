/** JSON support shared by every service: the configured mapper and the RFC 3339 timestamp format. */
package io.imagestreams.api.json;
