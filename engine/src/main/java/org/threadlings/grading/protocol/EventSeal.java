package org.threadlings.grading.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates the event lines of one grading. The student's code runs in the JVM that writes
 * the events, and can find and write the events file too; each line therefore carries an HMAC
 * over its position and its JSON, keyed with a secret made for this grading alone. A line without
 * a valid seal, or in the wrong place (a copied or reordered line), is not the grader's.
 *
 * <p>A line reads {@code <64 hex digits of HMAC-SHA256(key, n + "\n" + json)> <json>}, where
 * {@code n} counts the lines sealed before it, from 0.
 */
public final class EventSeal {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final int MAC_HEX = 64;

    private final Mac mac;

    private EventSeal(byte[] key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A fresh secret for one grading, encoded for the job line. */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public static EventSeal withKey(String encodedKey) {
        return new EventSeal(Base64.getDecoder().decode(encodedKey));
    }

    /** The line to write for the {@code n}th event, given as JSON. */
    public String seal(long n, String json) {
        return HexFormat.of().formatHex(macOf(n, json)) + " " + json;
    }

    /** The JSON of {@code line} if it is the authentic {@code n}th line; empty otherwise. */
    public Optional<String> open(long n, String line) {
        if (line.length() < MAC_HEX + 1 || line.charAt(MAC_HEX) != ' ') {
            return Optional.empty();
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(line, 0, MAC_HEX);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String json = line.substring(MAC_HEX + 1);
        return MessageDigest.isEqual(claimed, macOf(n, json)) ? Optional.of(json) : Optional.empty();
    }

    private byte[] macOf(long n, String json) {
        mac.update((n + "\n").getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal(json.getBytes(StandardCharsets.UTF_8));
    }
}
