package org.threadlings.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.threadlings.course.Exercise;

/** Puts an exercise's original starter files back, keeping a backup of the student's versions. */
public final class Reset {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /** What a reset did: the files restored, and where the student's versions were saved. */
    public record Result(List<String> restored, List<String> unchanged, Path backupDir) {
    }

    private final Workspace workspace;
    private final StarterStore starters;

    public Reset(Workspace workspace, StarterStore starters) {
        this.workspace = workspace;
        this.starters = starters;
    }

    public Result reset(Exercise exercise) throws IOException, StarterStore.MissingOriginal {
        List<byte[]> originals = new ArrayList<>();
        for (String file : exercise.files()) {
            originals.add(starters.original(file)); // all or nothing: fail before touching any file
        }
        Path backupDir = workspace.backups().resolve(exercise.id()).resolve(LocalDateTime.now().format(STAMP));
        List<String> restored = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        boolean backedUp = false;
        for (int i = 0; i < exercise.files().size(); i++) {
            String file = exercise.files().get(i);
            Path target = workspace.exercises().resolve(file);
            byte[] original = originals.get(i);
            if (Files.isRegularFile(target)) {
                byte[] current = Files.readAllBytes(target);
                if (Arrays.equals(current, original)) {
                    unchanged.add(file);
                    continue;
                }
                Path backup = backupDir.resolve(file);
                Files.createDirectories(backup.getParent());
                Files.write(backup, current);
                backedUp = true;
            }
            AtomicFiles.write(target, original);
            restored.add(file);
        }
        return new Result(restored, unchanged, backedUp ? backupDir : null);
    }
}
