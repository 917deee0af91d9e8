/** Docker pull specs parsed and formatted as OpenShift's library-go does. */
package io.imagestreams.api.reference;
