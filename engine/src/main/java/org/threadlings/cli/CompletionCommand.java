package org.threadlings.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code completion}: a bash/zsh completion script, generated from the command tree itself. */
@Command(name = "completion", description = {"Print a bash/zsh completion script for ./run.sh.",
        "Use it with: source <(./run.sh completion)"})
final class CompletionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine rootLine = spec.root().commandLine();
        String script = AutoComplete.bash("threadlings", rootLine);
        // Complete the command as students type it, too.
        spec.commandLine().getOut().print(script + "\ncomplete -F _complete_threadlings -o default ./run.sh run.sh\n");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
