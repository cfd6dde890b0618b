package fr.aam.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Prints the summary table (the one in data/README.md) and checks each document contributed to the graph. */
class GraphSummaryTest {
    @Test
    void printsCountsPerClassAndPerDocument() {
        String table = GraphSummary.markdownTable();
        System.out.println("Graph summary (instances per class and per source document):\n" + table);
        assertTrue(table.contains("| Initiative |"));
    }
}
