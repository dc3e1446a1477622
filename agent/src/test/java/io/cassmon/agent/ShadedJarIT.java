package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Inspects the shaded jar exactly as users get it. */
class ShadedJarIT {
    private static final String SHADED = "io/cassmon/agent/shaded/";
    private static final List<String> OWN = List.of("io/cassmon/agent/", "io/cassmon/exporter/");
    /**
     * A class name (internal or dotted form) of a bundled library not preceded by the shaded prefix. Only names
     * shaped like classes count: Byte Buddy's messages mention system properties such as "net.bytebuddy.safe".
     */
    private static final Pattern UNRELOCATED_CLASS = Pattern.compile(
            "(?<!shaded[./])((?:io[./]prometheus|org[./]yaml[./]snakeyaml|net[./]bytebuddy)[./](?:[a-z0-9_]+[./])*[A-Z][\\w$]*)");

    private final String jar = System.getProperty("cassmon.agent.jar");

    @Test
    void everyClassLoadsOnJava8() throws IOException {
        List<String> tooNew = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            for (JarEntry entry : classes(file)) {
                try (DataInputStream in = new DataInputStream(file.getInputStream(entry))) {
                    in.readInt();
                    in.readUnsignedShort();
                    int major = in.readUnsignedShort();
                    if (major > 52) {
                        tooNew.add(entry.getName() + " (class file " + major + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), tooNew);
    }

    @Test
    void everyBundledClassIsRelocatedAndMetricsCoreIsNotBundled() throws IOException {
        List<String> misplaced = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            for (JarEntry entry : classes(file)) {
                String name = entry.getName();
                boolean own = OWN.stream().anyMatch(name::startsWith) && !name.startsWith(SHADED);
                if (!own && !name.startsWith(SHADED)) {
                    misplaced.add(name);
                }
            }
        }
        assertEquals(List.of(), misplaced);
    }

    @Test
    void noClassReferencesAnUnrelocatedThirdPartyPackage() throws IOException {
        List<String> leaks = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            for (JarEntry entry : classes(file)) {
                String constants = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
                Matcher reference = UNRELOCATED_CLASS.matcher(constants);
                while (reference.find()) {
                    leaks.add(entry.getName() + " -> " + reference.group(1));
                }
                if (constants.contains("com/codahale/metrics/") && !entry.getName().startsWith("io/cassmon/")) {
                    leaks.add(entry.getName() + " -> a bundled library uses metrics-core");
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void strippedOfModuleInfoVersionsSignaturesAndMavenMetadata() throws IOException {
        List<String> unwanted = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.endsWith("module-info.class") || name.startsWith("META-INF/versions/")
                        || name.startsWith("META-INF/maven/") || name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")
                        || name.startsWith("com/codahale/")) {
                    unwanted.add(name);
                }
            }
        }
        assertEquals(List.of(), unwanted);
    }

    @Test
    void manifestNamesThePremainClassAndVersion() throws IOException {
        try (JarFile file = new JarFile(jar)) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals(CassmonAgent.class.getName(), main.getValue("Premain-Class"));
            assertEquals("cassmon-agent", main.getValue("Implementation-Title"));
            assertTrue(main.getValue("Implementation-Version").matches("\\d+\\.\\d+\\.\\d+.*"));
        }
    }

    private static List<JarEntry> classes(JarFile file) {
        List<JarEntry> classes = new ArrayList<>();
        for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            if (entry.getName().endsWith(".class")) {
                classes.add(entry);
            }
        }
        return classes;
    }

}
