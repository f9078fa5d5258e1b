package io.ganglion.transport.http;

import java.util.Set;
import org.apache.hc.core5.http.EntityDetails;

/**
 * The entity head HttpCore's codec frames a message with: a known length gives Content-Length,
 * -1 gives chunked encoding. The content type stays a string so that odd values pass untouched.
 * Thread-safe: immutable.
 *
 * @param length the body length, or -1 when unknown
 * @param contentType the Content-Type, or null
 */
public record Entity(long length, String contentType) implements EntityDetails {

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return length < 0;
    }

    @Override
    public Set<String> getTrailerNames() {
        return Set.of();
    }
}
