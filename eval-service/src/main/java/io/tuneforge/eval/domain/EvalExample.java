package io.tuneforge.eval.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** One held-out example of a run: the prompt messages (JSON array), the reference answer and its slice. */
@Entity
@Table(name = "eval_example")
@IdClass(EvalExample.Key.class)
public class EvalExample extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public String runId;

    @Id
    public int idx;

    /** The messages before the reference answer, as the JSON array sent to the model. */
    @Column(nullable = false)
    public String prompt;

    @Column(nullable = false)
    public String reference;

    /** From a preference split: the non-preferred answer (the reference is the preferred one); else null. */
    public String rejected;

    /** The slice this example belongs to (the reference label for classification); null when unsliced. */
    public String category;

    public static List<EvalExample> ofRun(String runId) {
        return list("runId = ?1 order by idx", runId);
    }

    public static class Key implements Serializable {
        public String runId;
        public int idx;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.idx == idx && Objects.equals(k.runId, runId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, idx);
        }
    }
}
