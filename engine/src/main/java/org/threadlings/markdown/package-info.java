/**
 * Lesson Markdown laid out as styled, wrapped lines for a terminal of a given width.
 *
 * <p>The output names what each piece of text is ({@link org.threadlings.markdown.Mark}), not
 * how it looks: a full-screen UI maps marks to colours, a monochrome one to bold and underline,
 * and a plain printer ignores them. Nothing here depends on a terminal library.
 */
package org.threadlings.markdown;
