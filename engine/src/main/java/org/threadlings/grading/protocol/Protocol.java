package org.threadlings.grading.protocol;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON settings both sides of the grading protocol share. */
public final class Protocol {

    private Protocol() {
    }

    /**
     * A measurement can be NaN or infinite, which Jackson writes as bare tokens: the reading side
     * accepts them, so that no sealed event is ever dropped as unreadable (a missing result is
     * taken for tampering).
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .build();
    }
}
