package io.tuneforge.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A named model of a tenant; each succeeded job trained for it adds a {@link ModelVersion}. */
@Entity
@Table(name = "registered_model")
public class RegisteredModel extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(nullable = false)
    public String name;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
