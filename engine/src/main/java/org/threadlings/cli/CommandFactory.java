package org.threadlings.cli;

import picocli.CommandLine;

/**
 * Creates what picocli instantiates, giving the id lists for completion the root command, so
 * that they come from the course being used ({@code --course}, the shell's session) and are
 * read once with it.
 */
final class CommandFactory implements CommandLine.IFactory {

    private final ThreadlingsCommand root;
    private final CommandLine.IFactory standard = CommandLine.defaultFactory();

    CommandFactory(ThreadlingsCommand root) {
        this.root = root;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == ExerciseIds.class) {
            return type.cast(new ExerciseIds(root));
        }
        if (type == ExampleIds.class) {
            return type.cast(new ExampleIds(root));
        }
        return standard.create(type);
    }
}
