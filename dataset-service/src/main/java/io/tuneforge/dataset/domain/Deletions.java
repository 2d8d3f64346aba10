package io.tuneforge.dataset.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Deletes a dataset or one version with everything stored under it. Each takes the dataset's row lock first, the
 * lock every upload storing a version takes, so a deletion waits for a version being stored rather than racing it.
 */
@ApplicationScoped
public class Deletions {

    @Inject
    EntityManager em;

    /** The dataset with every version and example; false when the tenant has no such dataset. */
    @Transactional
    public boolean deleteDataset(String tenantId, String datasetId) {
        Dataset dataset = Dataset.findOwned(tenantId, datasetId).orElse(null);
        if (dataset == null) {
            return false;
        }
        em.lock(dataset, LockModeType.PESSIMISTIC_WRITE);
        em.createQuery("delete from DatasetExample e where e.key.versionId in "
                + "(select v.id from DatasetVersion v where v.datasetId = ?1)").setParameter(1, datasetId).executeUpdate();
        em.createQuery("delete from DatasetVersion v where v.datasetId = ?1").setParameter(1, datasetId).executeUpdate();
        em.remove(dataset);
        return true;
    }

    /** One version with its examples; other versions keep theirs. False when the tenant has no such dataset or version. */
    @Transactional
    public boolean deleteVersion(String tenantId, String datasetId, int number) {
        Dataset dataset = Dataset.findOwned(tenantId, datasetId).orElse(null);
        if (dataset == null) {
            return false;
        }
        em.lock(dataset, LockModeType.PESSIMISTIC_WRITE);
        DatasetVersion version = DatasetVersion.findOwned(tenantId, datasetId, number).orElse(null);
        if (version == null) {
            return false;
        }
        em.createQuery("delete from DatasetExample e where e.key.versionId = ?1").setParameter(1, version.id).executeUpdate();
        version.delete();
        return true;
    }
}
