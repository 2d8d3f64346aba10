package io.tuneforge.localinfra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a server process does not outlive the JVM that started it, even when that JVM is
 * killed with -9 and runs no shutdown hook. A tiny {@code sh} watchdog reads its stdin, a pipe only
 * this JVM holds; the kernel closes that pipe however the JVM dies, the read returns EOF, and the
 * watchdog signals the server (then SIGKILLs it after a grace period). {@link #disarm()} tells the
 * watchdog to leave quietly after a normal stop.
 *
 * <p>A watchdog process rather than PR_SET_PDEATHSIG because the death signal fires when the
 * <em>thread</em> that forked exits, and PostgreSQL's postmaster is not our child anyway (pg_ctl
 * daemonizes it). Before signalling, the watchdog checks the pid still runs the expected command,
 * so a recycled pid is never hit.
 */
public final class OrphanGuard implements AutoCloseable {

    /** How the server is asked to stop: PostgreSQL takes SIGINT as "fast shutdown", a JVM takes SIGTERM. */
    public enum StopSignal { INT, TERM }

    // $1 pid ("" when not known yet), $5 a pid file to read it from at the end when it never became
    // known, $6 a pid that file held before the server started (stale: never signalled).
    private static final String WATCHDOG = """
            pid=$1; signal=$2; grace_tenths=$3; marker=$4; pidfile=$5; stale=$6
            while read -r line; do
              case "$line" in
                disarm) exit 0 ;;
                pid\\ *) pid=${line#pid } ;;
              esac
            done
            if [ -z "$pid" ] && [ -n "$pidfile" ]; then
              pid=$(head -n 1 "$pidfile" 2>/dev/null | tr -cd 0-9)
              [ "$pid" = "$stale" ] && pid=
            fi
            [ -n "$pid" ] || exit 0
            runs_marker() { tr '\\0' ' ' < /proc/$pid/cmdline 2>/dev/null | grep -q -- "$marker"; }
            runs_marker || exit 0
            kill -$signal $pid 2>/dev/null
            i=0
            while runs_marker && [ $i -lt $grace_tenths ]; do sleep 0.1; i=$((i+1)); done
            runs_marker && kill -KILL $pid 2>/dev/null
            exit 0
            """;

    private final String what;
    private final Process watchdog;
    private final Duration grace;

    private OrphanGuard(String what, Process watchdog, Duration grace) {
        this.what = what;
        this.watchdog = watchdog;
        this.grace = grace;
    }

    /**
     * @param what              for messages, e.g. "PostgreSQL on port 5432"
     * @param pid               the server process
     * @param signal            sent first when this JVM is gone
     * @param grace             then SIGKILL if it still runs after this
     * @param commandLineMarker a string the server's command line contains (guards against pid reuse)
     */
    public static OrphanGuard watch(String what, long pid, StopSignal signal, Duration grace, String commandLineMarker) {
        return spawn(what, Long.toString(pid), "", "", signal, grace, commandLineMarker);
    }

    /**
     * A guard armed <em>before</em> the server starts, for a server that is not our child and whose pid
     * appears only in a pid file it writes (PostgreSQL's {@code postmaster.pid}): a JVM that dies while
     * the server is still starting leaves no orphan either. Should this JVM die before {@link #knowPid},
     * the watchdog takes the pid from the file's first line; a pid the file held already when the guard
     * was armed is a stale one and never signalled.
     */
    public static OrphanGuard watchPidFile(String what, Path pidFile, StopSignal signal, Duration grace, String commandLineMarker) {
        String stale = firstLine(pidFile).replaceAll("[^0-9]", "");
        return spawn(what, "", pidFile.toAbsolutePath().toString(), stale, signal, grace, commandLineMarker);
    }

    private static OrphanGuard spawn(String what, String pid, String pidFile, String stalePid, StopSignal signal, Duration grace,
                                     String commandLineMarker) {
        List<String> command = List.of("/bin/sh", "-c", WATCHDOG, "orphan-guard",
                pid, signal.name(), Long.toString(Math.max(1, grace.toMillis() / 100)), commandLineMarker, pidFile, stalePid);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new OrphanGuard(what, process, grace);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the watchdog that stops " + what
                    + " if this JVM dies (/bin/sh missing?)", e);
        }
    }

    private static String firstLine(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            return lines.findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /**
     * Tells a {@link #watchPidFile} guard the server's pid once it is known, so the watchdog no longer
     * depends on the pid file (which a stop or a clean-up may delete before the process is gone).
     */
    public void knowPid(long pid) {
        try {
            OutputStream in = watchdog.getOutputStream();
            in.write(("pid " + pid + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
        } catch (IOException e) {
            // The watchdog is gone (stopNow ran): there is nothing left to tell.
        }
    }

    public long watchdogPid() {
        return watchdog.pid();
    }

    /** After a normal stop: the watchdog exits without signalling anything. */
    public void disarm() {
        if (!watchdog.isAlive()) {
            return;
        }
        try (OutputStream in = watchdog.getOutputStream()) {
            in.write("disarm\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The watchdog is gone already; nothing left to disarm.
        }
        try {
            if (!watchdog.waitFor(2, TimeUnit.SECONDS)) {
                watchdog.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watchdog.destroyForcibly();
        }
    }

    /**
     * Does now what the watchdog would do on this JVM's death (signal, grace, SIGKILL), for a server
     * whose normal stop failed. Returns when the watchdog is done.
     */
    public void stopNow() {
        try {
            watchdog.getOutputStream().close();
            if (!watchdog.waitFor(grace.toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
                watchdog.destroyForcibly();
            }
        } catch (IOException e) {
            // The watchdog is gone already.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        disarm();
    }

    @Override
    public String toString() {
        return "OrphanGuard[" + what + ", watchdog pid " + watchdog.pid() + "]";
    }
}
