package org.threadlings.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartFailureTest {

    @Test
    void a_used_up_inotify_limit_says_how_to_raise_it() {
        String reason = StartFailure.reason(new IOException("User limit of inotify watches reached"), "the exercises folder",
                Path.of("exercises"));
        assertTrue(reason.contains("fs.inotify.max_user_watches"), reason);
    }

    @Test
    void file_systems_that_announce_no_changes_are_refused_with_a_reason() {
        assertTrue(SilentFileSystems.reason("9p").orElseThrow().contains("WSL"));
        assertTrue(SilentFileSystems.reason("nfs4").orElseThrow().contains("network"));
        assertTrue(SilentFileSystems.reason("vboxsf").orElseThrow().contains("shared folder"));
    }

    @Test
    void local_file_systems_are_watched() {
        for (String type : new String[] {"ext4", "btrfs", "xfs", "tmpfs", "overlay", "apfs", "ntfs"}) {
            assertEquals(Optional.empty(), SilentFileSystems.reason(type), type);
        }
    }
}
