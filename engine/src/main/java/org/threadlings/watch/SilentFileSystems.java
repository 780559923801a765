package org.threadlings.watch;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * File systems that do not tell this machine about changes made through another one: network
 * shares, WSL's view of Windows drives (/mnt/c), a virtual machine's shared folders. There the
 * student's editor usually runs on the other side, and a watcher would wait in vain.
 */
final class SilentFileSystems {

    private static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "webdav",
            "davfs", "fuse.sshfs", "sshfs", "fuse.rclone");
    private static final Set<String> WINDOWS_DRIVES = Set.of("9p", "v9fs", "drvfs");
    private static final Set<String> SHARED_FOLDERS = Set.of("vboxsf", "vmhgfs", "fuse.vmhgfs-fuse", "prl_fs",
            "virtiofs");

    private SilentFileSystems() {
    }

    /** Why saves cannot be watched on a file system of {@code type}, or empty when they can. */
    static Optional<String> reason(String type) {
        String name = type.toLowerCase(Locale.ROOT);
        if (WINDOWS_DRIVES.contains(name)) {
            return Optional.of("the exercises are on a Windows drive seen from WSL (" + type + "), where Linux is not "
                    + "told when Windows programs save files. Keep the course in the Linux file system "
                    + "(for example under your home folder) to have saves graded by themselves.");
        }
        if (NETWORK.contains(name)) {
            return Optional.of("the exercises are on a network file system (" + type + "), which does not announce "
                    + "changes. Keep the course on a local disk to have saves graded by themselves.");
        }
        if (SHARED_FOLDERS.contains(name)) {
            return Optional.of("the exercises are in a virtual machine's shared folder (" + type + "), which does not "
                    + "announce changes made on the host. Keep the course inside the machine to have saves "
                    + "graded by themselves.");
        }
        return Optional.empty();
    }
}
