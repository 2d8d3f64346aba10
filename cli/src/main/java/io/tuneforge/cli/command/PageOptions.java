package io.tuneforge.cli.command;

import picocli.CommandLine.Option;

/** Paging of a list command: the page size and where the previous page ended ({@code next_after}). */
public final class PageOptions {

    @Option(names = "--limit", defaultValue = "50", description = "Page size (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--after", paramLabel = "ID", description = "Start after this id (from a previous page).")
    String after;
}
