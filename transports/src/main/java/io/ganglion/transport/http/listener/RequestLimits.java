package io.ganglion.transport.http.listener;

import java.io.IOException;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpResponseInterceptor;
import org.apache.hc.core5.http.NotImplementedException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.RequestHeaderFieldsTooLargeException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.nio.DefaultHttpRequestFactory;
import org.apache.hc.core5.http.impl.nio.DefaultHttpRequestParser;
import org.apache.hc.core5.http.nio.NHttpMessageParser;
import org.apache.hc.core5.http.nio.NHttpMessageParserFactory;
import org.apache.hc.core5.http.nio.SessionInputBuffer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.CharArrayBuffer;

/**
 * Request-head limits with the right status: a request line over the limit gets 414, header
 * fields over their size or count limit get 431, anything unparsable (including a bad or ambiguous
 * Content-Length / Transfer-Encoding) 400, an unknown transfer coding 501.
 *
 * <p>HttpCore answers every head-size violation with 431 (its {@code ServerSupport} maps the
 * exception type, and the request line and a header line fail alike). The parser here knows which
 * part overflowed; it leaves the status in a thread-local that {@link #STATUS} reads when the
 * error response goes through the response interceptors, on the same I/O thread, right after
 * the parse failed. Thread-safe: one parser per connection; the interceptor is stateless.
 */
final class RequestLimits implements NHttpMessageParserFactory<HttpRequest> {

    private static final ThreadLocal<Integer> REJECTED = new ThreadLocal<>();

    /** Sets the status the parser chose on HttpCore's 431 answer. */
    static final HttpResponseInterceptor STATUS = (HttpResponse response, EntityDetails entity, HttpContext ctx) -> {
        Integer status = REJECTED.get();
        if (status != null) {
            REJECTED.remove();
            if (response.getCode() == 431) {
                response.setCode(status);
            }
        }
    };

    private final Http1Config http1Config;
    private final int maxRequestLine;
    private final int maxHeaderSize;

    RequestLimits(int maxRequestLine, int maxHeaderSize, int maxHeaderCount, int bufferSize) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderSize = maxHeaderSize;
        this.http1Config = Http1Config.custom()
                .setMaxLineLength(Math.max(maxRequestLine, maxHeaderSize))
                .setMaxHeaderCount(maxHeaderCount)
                .setMaxEmptyLineCount(10)
                .setInitialWindowSize(bufferSize)
                .build();
    }

    Http1Config http1Config() {
        return http1Config;
    }

    @Override
    public NHttpMessageParser<HttpRequest> create() {
        return new Parser();
    }

    /** A head-size violation whose status is already chosen. */
    private static final class Rejected extends RequestHeaderFieldsTooLargeException {
        private static final long serialVersionUID = 1L;

        Rejected(int status, String message) {
            super(message);
            REJECTED.set(status);
        }
    }

    private final class Parser extends DefaultHttpRequestParser<HttpRequest> {
        private boolean headLineSeen;

        Parser() {
            super(http1Config, DefaultHttpRequestFactory.INSTANCE);
        }

        @Override
        public HttpRequest parse(SessionInputBuffer buffer, boolean endOfStream) throws IOException, HttpException {
            REJECTED.remove();
            HttpRequest request;
            try {
                request = super.parse(buffer, endOfStream);
            } catch (Rejected e) {
                throw e;
            } catch (RequestHeaderFieldsTooLargeException e) {
                if (!headLineSeen) {
                    throw new Rejected(414, "the request line is longer than " + maxRequestLine + " bytes");
                }
                throw new Rejected(431, "request header fields too large: " + e.getMessage());
            }
            if (request != null) {
                long size = 0;
                for (Header h : request.getHeaders()) {
                    size += h.getName().length() + h.getValue().length() + 4;
                }
                if (size > maxHeaderSize) {
                    throw new Rejected(431, "request header fields exceed " + maxHeaderSize + " bytes");
                }
                checkFraming(request);
            }
            return request;
        }

        /**
         * Rejects bodies whose framing HttpCore would only fail on after the head (closing the
         * connection without an answer), and the ambiguous framings used to smuggle requests.
         */
        private void checkFraming(HttpRequest request) throws HttpException {
            Header[] te = request.getHeaders("Transfer-Encoding");
            Header[] cl = request.getHeaders("Content-Length");
            if (te.length > 0) {
                if (cl.length > 0) {
                    throw new ProtocolException("both Transfer-Encoding and Content-Length are present");
                }
                if (te.length > 1 || !te[0].getValue().trim().equalsIgnoreCase("chunked")) {
                    throw new NotImplementedException("unsupported Transfer-Encoding: "
                            + request.getFirstHeader("Transfer-Encoding").getValue());
                }
            }
            String length = null;
            for (Header h : cl) {
                String v = h.getValue().trim();
                if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)) {
                    throw new ProtocolException("invalid Content-Length: " + h.getValue());
                }
                if (length != null && !length.equals(v)) {
                    throw new ProtocolException("conflicting Content-Length values");
                }
                length = v;
            }
        }

        @Override
        protected HttpRequest createMessage(CharArrayBuffer line) throws HttpException {
            headLineSeen = true;
            if (line.length() > maxRequestLine) {
                throw new Rejected(414, "the request line is longer than " + maxRequestLine + " bytes");
            }
            return super.createMessage(line);
        }

        @Override
        public void reset() {
            super.reset();
            headLineSeen = false;
        }
    }
}
