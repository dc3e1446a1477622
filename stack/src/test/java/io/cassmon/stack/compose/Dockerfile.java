package io.cassmon.stack.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A Dockerfile's instructions, continuation lines joined and comments dropped: enough to check FROM and COPY. */
record Dockerfile(Path file, List<String> instructions) {
    static Dockerfile read(Path file) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continued = stripped.endsWith("\\");
            current.append(continued ? stripped.substring(0, stripped.length() - 1) : stripped).append(' ');
            if (!continued) {
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return new Dockerfile(file, instructions);
    }

    /** The images of the FROM lines, stage names (FROM earlier-stage) left out. */
    List<String> baseImages() {
        List<String> images = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        for (String[] words : instructions("FROM")) {
            List<String> args = Arrays.stream(words).skip(1).filter(w -> !w.startsWith("--")).toList();
            if (!stages.contains(args.get(0))) {
                images.add(args.get(0));
            }
            if (args.size() == 3 && args.get(1).equalsIgnoreCase("AS")) {
                stages.add(args.get(2));
            }
        }
        return images;
    }

    /** The COPY instructions, as words, flags included. */
    List<String[]> copies() {
        return instructions("COPY");
    }

    private List<String[]> instructions(String keyword) {
        return instructions.stream().map(i -> i.split("\\s+")).filter(w -> w[0].equalsIgnoreCase(keyword)).toList();
    }
}
