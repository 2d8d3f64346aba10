package io.tuneforge.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressOutputTest {

    @Test
    void theBarFillsWithTheStepsDoneAndShowsTheLoss() {
        String quarter = ProgressBar.line("running", 30, 120, 1.2345, 12.4);
        assertThat(quarter).startsWith("[========>").contains(" 25%").contains("step 30/120").contains("loss 1.235").endsWith("12 s");
        String done = ProgressBar.line("running", 120, 120, 0.1, 60);
        assertThat(done).startsWith("[" + "=".repeat(30) + "]").contains("100%");
        // Before the provider reports a total there is no percentage to invent.
        assertThat(ProgressBar.line("queued", 0, 0, null, 3)).doesNotContain("%").contains("queued");
    }

    @Test
    void theLossChartPlotsTrainAndValidationAndMarksWhereTheyMeet() throws Exception {
        var metrics = new ObjectMapper().readTree("""
                {"steps": [
                  {"step": 1, "train_loss": 2.0, "valid_loss": 2.0},
                  {"step": 2, "train_loss": 1.0, "valid_loss": 1.5},
                  {"step": 3, "train_loss": 0.5}
                ]}""");
        List<String> lines = LossChart.render(metrics, 10);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains("step    1").contains("@").contains("train 2.000").contains("valid 2.000");
        assertThat(lines.get(2)).contains("#").contains("o").contains("valid 1.500");
        assertThat(lines.get(3)).contains("train 0.500").doesNotContain("valid");
        // The lower loss sits further left: the bar position is proportional to the loss.
        assertThat(lines.get(3).indexOf('#')).isLessThan(lines.get(2).indexOf('#'));
        assertThat(LossChart.render(new ObjectMapper().readTree("{\"steps\": []}"), 10)).isEmpty();
    }
}
