package io.ganglion.engine.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeaderNameSetTest {

    private final HeaderNameSet set = HeaderNameSet.of("Connection", "keep-alive", "TE", "Transfer-Encoding",
            "content-length", "upgrade", "proxy-connection", "trailer", "host");

    @Test
    void matchesWhateverTheCase() {
        assertTrue(set.contains("connection"));
        assertTrue(set.contains("CONNECTION"));
        assertTrue(set.contains("Keep-Alive"));
        assertTrue(set.contains("te"));
        assertTrue(set.contains("Content-Length"));
        assertTrue(set.contains("HOST"));
    }

    @Test
    void rejectsOthersIncludingPrefixesAndNearMisses() {
        assertFalse(set.contains("Content-Type"));
        assertFalse(set.contains("t"));
        assertFalse(set.contains("tee"));
        assertFalse(set.contains("Hosts"));
        assertFalse(set.contains(""));
        assertFalse(set.contains("X-Forwarded-For"));
    }

    @Test
    void smallAndLargeSetsWork() {
        assertTrue(HeaderNameSet.of("a").contains("A"));
        assertFalse(HeaderNameSet.of().contains("a"));
        String[] many = new String[100];
        for (int i = 0; i < many.length; i++) {
            many[i] = "X-Header-" + i;
        }
        HeaderNameSet big = HeaderNameSet.of(many);
        for (int i = 0; i < many.length; i++) {
            assertTrue(big.contains("x-header-" + i));
        }
        assertFalse(big.contains("x-header-100"));
    }
}
