package org.threadlings.markdown;

/** What a piece of rendered text is, for the front end to map to a colour or attribute. */
public enum Mark {
    /** A level-1 heading, and the rule under it. */
    HEADING1,
    /** A level-2 heading, and the rule under it. */
    HEADING2,
    /** A heading of level 3 or deeper. */
    HEADING3,
    STRONG,
    EMPHASIS,
    /** Inline code. */
    CODE,
    /** The text of a link. */
    LINK,
    /** A link's address, shown after its text. */
    URL,
    /** Everything inside a block quote, its gutter included. */
    QUOTE,
    /** A list item's bullet or number. */
    BULLET,
    /** A decoration in the left margin: a quote's bar, a code block's gutter, a continuation marker. */
    GUTTER,
    /** A thematic break, or the rule under a heading. */
    RULE,
    TABLE_BORDER,
    TABLE_HEADER,
    /** Everything in a code block; the Java marks below add to it. */
    CODE_BLOCK,
    KEYWORD,
    /** A string, text block or character literal. */
    STRING,
    COMMENT,
    NUMBER,
    ANNOTATION
}
