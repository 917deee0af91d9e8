/**
 * Event contracts between the services: topics, CloudEvents types, sources and Kafka headers (binary mode), and
 * one record per payload. Payloads omit {@code null} fields and ignore fields they do not know, so producers can
 * add fields without breaking consumers of the retained change log.
 */
package io.imagestreams.api.event;
