package io.tuneforge.cli.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableTest {

    @Test
    void columnsAreSizedToTheWidestCellAndNumbersRightAligned() {
        String rendered = Table.of("id", "examples", "status").numeric(1)
                .row("ds_1", 120, "validated")
                .row("ds_22", 7, null)
                .render();

        assertThat(rendered).isEqualTo("""
                ID     EXAMPLES  STATUS
                ds_1        120  validated
                ds_22         7  -
                """);
    }

    @Test
    void noTrailingSpacesWhenTheLastColumnIsShort() {
        String rendered = Table.of("name", "note").row("postgres", "").render();

        assertThat(rendered.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> Table.of("a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 2 cells");
    }
}
