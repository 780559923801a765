package queues.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Real-looking English text, made up on the spot: sentences of words drawn with Zipf's law
 * (the second most common word half as common as the first, the third a third, ...), as in real
 * prose, broken into lines of about 70 characters. A few hundred kilobytes take milliseconds,
 * and each seed gives another text, so no count can be learned by heart.
 */
final class Prose {

    private static final String[] WORDS = ("the of and to a in that it was he is for on with as his "
            + "had at by not be this but from they which she or all her were one we an there their been "
            + "has would when who will more if no out so said what up its about into than them can only "
            + "other new some could time these two may then do first any my now such like our over man me "
            + "even most made after also did many before must through back years where much your way well "
            + "down should because each just those people how too little state good very make world still "
            + "own see men work long get here between both life being under never day same another know "
            + "while last might us great old year off come since against go came right used take three "
            + "queue thread worker river lantern harbour morning letter window garden village question "
            + "answer evening stranger kitchen mountain silver winter summer candle market promise "
            + "shadow quiet careful sudden narrow bright heavy gentle ancient hollow patient").split(" ");
    private static final double[] CUMULATIVE = new double[WORDS.length];

    static {
        double sum = 0;
        for (int i = 0; i < WORDS.length; i++) {
            sum += 1.0 / (i + 1);
            CUMULATIVE[i] = sum;
        }
        for (int i = 0; i < WORDS.length; i++) {
            CUMULATIVE[i] /= sum;
        }
    }

    private Prose() {
    }

    /** About {@code bytes} characters of text in lines, from {@code seed}. */
    static List<String> lines(long seed, int bytes) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int written = 0;
        boolean sentenceStart = true;
        int left = 0;
        while (written < bytes) {
            if (left == 0) {
                left = random.nextInt(5, 21);
            }
            String word = WORDS[pick(random)];
            if (sentenceStart) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                sentenceStart = false;
            }
            left--;
            String end = left == 0 ? (random.nextInt(6) == 0 ? "?" : ".") : random.nextInt(9) == 0 ? "," : "";
            sentenceStart = left == 0;
            String piece = word + end;
            if (line.length() + 1 + piece.length() > 72 && !line.isEmpty()) {
                lines.add(line.toString());
                written += line.length() + 1;
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(piece);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A word index by Zipf's law: binary search in the cumulative weights. */
    private static int pick(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = WORDS.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (CUMULATIVE[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
