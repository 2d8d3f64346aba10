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

    /**
     * Up to {@code size} examples of a version after line {@code afterLine}, in line order ({@code split} null = all),
     * cut after the row that reaches {@code maxBytes} of content: the sizes come from PostgreSQL
     * ({@code octet_length} reads the stored length without detoasting), so only the rows returned are loaded.
     */
    @SuppressWarnings("unchecked")
    public static java.util.List<DatasetExample> pageAfter(String versionId, Split split, long afterLine, int size, long maxBytes) {
        jakarta.persistence.Query query = getEntityManager().createNativeQuery("select version_id, line_no, split, tokens, content, fingerprint, category "
                        + "from (select e.*, sum(octet_length(e.content)) over (order by e.line_no) - octet_length(e.content) as preceding_bytes "
                        + "from (select * from dataset_example where version_id = ?1 and line_no > ?2"
                        + (split == null ? "" : " and split = ?5") + " order by line_no limit ?3) e) p "
                        + "where preceding_bytes < ?4 order by line_no", DatasetExample.class)
                .setParameter(1, versionId).setParameter(2, afterLine).setParameter(3, size).setParameter(4, maxBytes);
        if (split != null) {
            query.setParameter(5, split.wireName());
        }
        return query.getResultList();
    }

    @Embeddable
    public record Key(@Column(name = "version_id") String versionId, @Column(name = "line_no") long lineNo)
            implements Serializable {
    }
}
