package dev.paperboy.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymsTest {

    @Test
    void groupsMatchOnAnalyzedFormBothWays() {
        Synonyms s = Synonyms.load(null);
        assertEquals(List.of("graph neural network"), s.alternatives("GNNs"));
        assertTrue(s.alternatives("Graph Neural Networks").contains("gnn"));
        assertTrue(s.alternatives("OOD generalization").contains("out-of-distribution generalization"),
                "a part of a keyword is replaced too");
        assertEquals(List.of(), s.alternatives("shortcut learning"));
    }

    @Test
    void operatorFileExtendsAndMergesGroups(@TempDir Path dir) throws Exception {
        Path extra = dir.resolve("synonyms.txt");
        Files.writeString(extra, "# ours\nGNN, message passing network\nKAN, Kolmogorov-Arnold network\n");
        Synonyms s = Synonyms.load(extra);
        assertTrue(s.alternatives("GNN").containsAll(List.of("graph neural network", "message passing network")));
        assertEquals(List.of("Kolmogorov-Arnold network"), s.alternatives("KAN"));
    }
}
