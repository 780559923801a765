package org.threadlings.tui;

import org.threadlings.markdown.MarkdownRenderer;

/** What every view needs: the loop, the course, gradings, Markdown, the editor, watching. */
record Ui(App app, Coursework work, Gradings gradings, MarkdownRenderer markdown, LessonTexts texts, Editor editor,
          Watching watching) {
}
