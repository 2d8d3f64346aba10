package io.tuneforge.platform.loops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real halt, in a JVM of its own: an Error in a loop ends the process with status 70 and a line saying why. */
class HaltOnErrorTest {

    /** The child: a loop whose third iteration dies of an Error; without the halt it would end normally (status 0). */
    public static void main(String[] args) throws InterruptedException {
        LoopWatch watch = new LoopWatch(Clock.systemUTC(), ProcessHalt.runtime(), 10, Duration.ofSeconds(60));
        watch.watch("child-loop", Duration.ofMillis(10));
        for (int i = 0; i < 5; i++) {
            try {
                if (i == 2) {
                    throw new OutOfMemoryError("simulated");
                }
                watch.completed("child-loop");
            } catch (Throwable t) {
                watch.failed("child-loop", t);
            }
            Thread.sleep(10);
        }
        System.out.println("loop ended normally");
    }

    @Test
    void theProcessExitsWhenALoopDiesOfAnError() throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HaltOnErrorTest.class.getName())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isEqualTo(ProcessHalt.STATUS);
        assertThat(output).contains("FATAL tuneforge: background loop 'child-loop' died of java.lang.OutOfMemoryError: simulated")
                .doesNotContain("loop ended normally");
    }
}
