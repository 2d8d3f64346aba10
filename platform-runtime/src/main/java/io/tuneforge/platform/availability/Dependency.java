package io.tuneforge.platform.availability;

/** A piece of infrastructure a service cannot work without; named in logs, health and 503 answers. */
public enum Dependency {
    DATABASE("the database"),
    MESSAGE_BROKER("the message broker"),
    TRANSACTIONS("the transaction manager"),
    REMOTE_SERVICE("a service this one calls");

    private final String description;

    Dependency(String description) {
        this.description = description;
    }

    /** For sentences: "the database is unavailable". */
    public String description() {
        return description;
    }
}
