package io.tuneforge.training.lifecycle;

/** No job with this id exists for the tenant (another tenant's job is indistinguishable from none). */
public class JobNotFound extends RuntimeException {

    private final String jobId;

    public JobNotFound(String jobId) {
        super("no job '" + jobId + "'");
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
