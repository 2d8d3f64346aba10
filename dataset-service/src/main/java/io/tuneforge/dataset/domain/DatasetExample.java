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

    /** The engine's structural content fingerprint; null for versions stored before it was kept. */
    public Long fingerprint;

    /** The example's category when its version has categories (label field or short answer). */
    public String category;

    /** Up to {@code size} examples of a version after line {@code afterLine}, in line order; {@code split} null = all. */
    public static java.util.List<DatasetExample> pageAfter(String versionId, Split split, long afterLine, int size) {
        return (split == null
                ? find("key.versionId = ?1 and key.lineNo > ?2 order by key.lineNo", versionId, afterLine)
                : find("key.versionId = ?1 and split = ?2 and key.lineNo > ?3 order by key.lineNo", versionId, split.wireName(), afterLine))
                .<DatasetExample>page(0, size).list();
    }

    @Embeddable
    public record Key(@Column(name = "version_id") String versionId, @Column(name = "line_no") long lineNo)
            implements Serializable {
    }
}
