package io.tuneforge.dataset.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** One valid example of a version, with the split it was assigned to. */
@Entity
@Table(name = "dataset_example")
public class DatasetExample extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String split;

    @Column(nullable = false)
    public int tokens;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Embeddable
    public record Key(@Column(name = "version_id") String versionId, @Column(name = "line_no") long lineNo)
            implements Serializable {
    }
}
